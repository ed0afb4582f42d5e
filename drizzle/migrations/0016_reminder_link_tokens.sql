CREATE TABLE `share_link_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`share_link_id` integer NOT NULL,
	`reminder_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`share_link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `share_link_tokens_link_idx` ON `share_link_tokens` (`share_link_id`);