ALTER TABLE `answers` DROP COLUMN `review_note`;--> statement-breakpoint
ALTER TABLE `answers` DROP COLUMN `clarification_response`;