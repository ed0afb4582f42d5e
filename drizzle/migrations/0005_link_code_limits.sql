ALTER TABLE `share_links` ADD `code_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `share_links` ADD `code_locked_until` integer;--> statement-breakpoint
ALTER TABLE `share_links` ADD `code_sent_at` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `link_sessions` DROP COLUMN `email_code_attempts`;