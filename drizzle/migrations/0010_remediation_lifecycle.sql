CREATE TABLE `task_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_user_id` text,
	`actor_label` text NOT NULL,
	`kind` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`note` text,
	`details` text,
	FOREIGN KEY (`task_id`) REFERENCES `remediation_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_events_task_idx` ON `task_events` (`task_id`,`id`);--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `ready_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `accepted_at` integer;--> statement-breakpoint
-- hand-written: a task's history is never rewritten. Only actor_user_id may change, and only
-- by the foreign key setting it to null when an account is deleted (the label stays).
CREATE TRIGGER `task_events_no_update` BEFORE UPDATE OF `task_id`, `at`, `actor_type`, `actor_label`, `kind`, `from_status`, `to_status`, `note`, `details` ON `task_events`
BEGIN SELECT RAISE(ABORT, 'task_events is a history: entries cannot be changed'); END;
