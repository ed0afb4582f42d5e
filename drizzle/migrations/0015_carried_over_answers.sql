DROP INDEX `evidence_files_storedName_unique`;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `carried_from_id` integer;--> statement-breakpoint
CREATE INDEX `evidence_files_stored_name_idx` ON `evidence_files` (`stored_name`);--> statement-breakpoint
ALTER TABLE `answers` ADD `carried_over` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `answers` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `assessments` ADD `carried_from_id` integer;