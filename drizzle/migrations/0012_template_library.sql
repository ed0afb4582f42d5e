ALTER TABLE `template_versions` ADD `template` text;--> statement-breakpoint
ALTER TABLE `template_versions` ADD `source` text;--> statement-breakpoint
ALTER TABLE `template_versions` ADD `source_name` text;--> statement-breakpoint
ALTER TABLE `template_versions` ADD `source_document` text;--> statement-breakpoint
-- hand-written: a published version is what assessments were sent and scored with (ADR 0006): the database itself refuses to change or remove it.
CREATE TRIGGER `template_versions_published_frozen` BEFORE UPDATE ON `template_versions`
WHEN OLD.`status` = 'published'
BEGIN SELECT RAISE(ABORT, 'a published questionnaire version cannot be changed: edit it as a new draft version'); END;
--> statement-breakpoint
CREATE TRIGGER `template_versions_published_kept` BEFORE DELETE ON `template_versions`
WHEN OLD.`status` = 'published'
BEGIN SELECT RAISE(ABORT, 'a published questionnaire version cannot be removed'); END;
