CREATE TABLE `reminders_sent` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`occasion` text NOT NULL,
	`vendor_id` integer,
	`emails` integer NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reminders_sent_subject_idx` ON `reminders_sent` (`subject_type`,`subject_id`);