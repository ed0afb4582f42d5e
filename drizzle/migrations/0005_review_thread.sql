CREATE TABLE `review_message_evidence` (
	`message_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`message_id`, `evidence_id`),
	FOREIGN KEY (`message_id`) REFERENCES `review_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_files`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_message_evidence_evidenceId_unique` ON `review_message_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `review_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`control_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author_type` text NOT NULL,
	`author_user_id` text,
	`share_link_id` integer,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`share_link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_messages_thread_idx` ON `review_messages` (`assessment_id`,`control_id`,`id`);--> statement-breakpoint
ALTER TABLE `answers` ADD `answered_at` integer;--> statement-breakpoint
ALTER TABLE `answers` ADD `reviewed_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `answers` ADD `reviewer_name` text;--> statement-breakpoint
ALTER TABLE `answers` ADD `reviewed_at` integer;