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
ALTER TABLE `answers` ADD `reviewed_at` integer;--> statement-breakpoint
-- The review conversation's history, from what existing databases already hold, before the old
-- single-note columns go (next migration). The audit log has every past review decision with its
-- note and every vendor clarification, with author and time: each becomes a message of the thread.
INSERT INTO `review_messages` (`assessment_id`, `control_id`, `kind`, `body`, `author_type`, `author_user_id`, `share_link_id`, `author_name`, `created_at`)
SELECT
	CAST(e.`target_id` AS INTEGER),
	json_extract(e.`after`, '$.controlId'),
	CASE e.`action` WHEN 'answer.review.reject' THEN 'rejection' WHEN 'answer.review.clarify' THEN 'question' WHEN 'answer.review.accept' THEN 'acceptance' ELSE 'reply' END,
	trim(CASE e.`action` WHEN 'answer.clarification' THEN json_extract(e.`after`, '$.response') ELSE json_extract(e.`after`, '$.note') END),
	CASE e.`action` WHEN 'answer.clarification' THEN 'vendor' ELSE 'staff' END,
	CASE WHEN e.`actor_type` = 'user' THEN (SELECT u.`id` FROM `users` u WHERE u.`id` = e.`actor_id`) END,
	CASE WHEN e.`actor_type` = 'vendor_link' THEN (SELECT l.`id` FROM `share_links` l WHERE l.`id` = CAST(e.`actor_id` AS INTEGER) AND l.`assessment_id` = CAST(e.`target_id` AS INTEGER)) END,
	e.`actor_label`,
	e.`at`
FROM `audit_events` e
WHERE e.`target_type` = 'assessment'
	AND e.`action` IN ('answer.review.reject', 'answer.review.clarify', 'answer.review.accept', 'answer.clarification')
	AND json_valid(e.`after`)
	AND json_extract(e.`after`, '$.controlId') IS NOT NULL
	AND EXISTS (SELECT 1 FROM `assessments` a WHERE a.`id` = CAST(e.`target_id` AS INTEGER))
	AND coalesce(trim(CASE e.`action` WHEN 'answer.clarification' THEN json_extract(e.`after`, '$.response') ELSE json_extract(e.`after`, '$.note') END), '') <> ''
ORDER BY e.`id`;
--> statement-breakpoint
-- A note still on an answer without an audit entry behind it (e.g. written by the demo seed): the
-- assessment's assessor is the best-known author, and the answer's last change the best-known time.
INSERT INTO `review_messages` (`assessment_id`, `control_id`, `kind`, `body`, `author_type`, `author_user_id`, `share_link_id`, `author_name`, `created_at`)
SELECT
	ans.`assessment_id`,
	ans.`control_id`,
	CASE ans.`review_status` WHEN 'rejected' THEN 'rejection' WHEN 'accepted' THEN 'acceptance' ELSE 'question' END,
	trim(ans.`review_note`),
	'staff',
	(SELECT u.`id` FROM `users` u WHERE u.`id` = a.`assessor_id`),
	NULL,
	coalesce((SELECT u.`name` FROM `users` u WHERE u.`id` = a.`assessor_id`), 'Reviewer'),
	ans.`updated_at`
FROM `answers` ans
JOIN `assessments` a ON a.`id` = ans.`assessment_id`
WHERE trim(coalesce(ans.`review_note`, '')) <> ''
	AND NOT EXISTS (
		SELECT 1 FROM `review_messages` m
		WHERE m.`assessment_id` = ans.`assessment_id` AND m.`control_id` = ans.`control_id` AND m.`author_type` = 'staff' AND m.`body` = trim(ans.`review_note`)
	);
--> statement-breakpoint
INSERT INTO `review_messages` (`assessment_id`, `control_id`, `kind`, `body`, `author_type`, `author_user_id`, `share_link_id`, `author_name`, `created_at`)
SELECT ans.`assessment_id`, ans.`control_id`, 'reply', trim(ans.`clarification_response`), 'vendor', NULL, NULL, coalesce(ans.`answered_by`, 'The vendor'), ans.`updated_at`
FROM `answers` ans
WHERE trim(coalesce(ans.`clarification_response`, '')) <> ''
	AND NOT EXISTS (
		SELECT 1 FROM `review_messages` m
		WHERE m.`assessment_id` = ans.`assessment_id` AND m.`control_id` = ans.`control_id` AND m.`author_type` = 'vendor' AND m.`body` = trim(ans.`clarification_response`)
	);
--> statement-breakpoint
-- When the answer was given: the last save in the audit log. Without one, updated_at, except that a
-- review used to move updated_at, so a reviewed answer can be no later than the submission.
UPDATE `answers` SET `answered_at` = coalesce(
	(
		SELECT max(e.`at`) FROM `audit_events` e
		WHERE e.`target_type` = 'assessment' AND e.`action` = 'answer.save'
			AND e.`target_id` = CAST(`answers`.`assessment_id` AS TEXT)
			AND json_valid(e.`after`) AND json_extract(e.`after`, '$.controlId') = `answers`.`control_id`
	),
	CASE
		WHEN `answers`.`review_status` <> 'pending' THEN min(`answers`.`updated_at`, coalesce((SELECT a.`submitted_at` FROM `assessments` a WHERE a.`id` = `answers`.`assessment_id`), `answers`.`updated_at`))
		ELSE `answers`.`updated_at`
	END
);
--> statement-breakpoint
-- Who reviewed it and when: the last review decision in the audit log, else the old row's time.
UPDATE `answers` SET
	`reviewed_at` = coalesce(
		(
			SELECT e.`at` FROM `audit_events` e
			WHERE e.`target_type` = 'assessment' AND e.`action` LIKE 'answer.review.%'
				AND e.`target_id` = CAST(`answers`.`assessment_id` AS TEXT)
				AND json_valid(e.`after`) AND json_extract(e.`after`, '$.controlId') = `answers`.`control_id`
			ORDER BY e.`id` DESC LIMIT 1
		),
		`answers`.`updated_at`
	),
	`reviewer_name` = (
		SELECT e.`actor_label` FROM `audit_events` e
		WHERE e.`target_type` = 'assessment' AND e.`action` LIKE 'answer.review.%'
			AND e.`target_id` = CAST(`answers`.`assessment_id` AS TEXT)
			AND json_valid(e.`after`) AND json_extract(e.`after`, '$.controlId') = `answers`.`control_id`
		ORDER BY e.`id` DESC LIMIT 1
	),
	`reviewed_by` = (
		SELECT u.`id` FROM `audit_events` e JOIN `users` u ON u.`id` = e.`actor_id`
		WHERE e.`target_type` = 'assessment' AND e.`action` LIKE 'answer.review.%' AND e.`actor_type` = 'user'
			AND e.`target_id` = CAST(`answers`.`assessment_id` AS TEXT)
			AND json_valid(e.`after`) AND json_extract(e.`after`, '$.controlId') = `answers`.`control_id`
		ORDER BY e.`id` DESC LIMIT 1
	)
WHERE `answers`.`review_status` <> 'pending';
--> statement-breakpoint
-- The thread is a record: what was said is never edited. Links and accounts may still go (their ids
-- become null), and a message goes only with its assessment (the cascade runs once the assessment
-- row is gone, so the check below lets it through).
CREATE TRIGGER `review_messages_no_edit` BEFORE UPDATE OF `assessment_id`, `control_id`, `kind`, `body`, `author_type`, `author_name`, `created_at` ON `review_messages`
BEGIN SELECT RAISE(ABORT, 'review messages cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `review_messages_no_delete` BEFORE DELETE ON `review_messages`
WHEN EXISTS (SELECT 1 FROM `assessments` a WHERE a.`id` = OLD.`assessment_id`)
BEGIN SELECT RAISE(ABORT, 'review messages cannot be deleted'); END;

--> statement-breakpoint
ALTER TABLE `answers` DROP COLUMN `review_note`;--> statement-breakpoint
ALTER TABLE `answers` DROP COLUMN `clarification_response`;