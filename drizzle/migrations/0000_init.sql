CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_user_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'procurement' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`two_factor_enabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_identifier_idx` ON `verifications` (`identifier`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`role` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_vendor_idx` ON `contacts` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `data_holdings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`category` text NOT NULL,
	`subjects` text DEFAULT 'customers' NOT NULL,
	`records` integer NOT NULL,
	`needed` integer DEFAULT true NOT NULL,
	`retention_months` integer,
	`storage_country` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_holdings_vendor_category_subjects_uq` ON `data_holdings` (`vendor_id`,`category`,`subjects`);--> statement-breakpoint
CREATE INDEX `data_holdings_category_idx` ON `data_holdings` (`category`);--> statement-breakpoint
CREATE TABLE `integrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`name` text NOT NULL,
	`system` text,
	`access_level` text NOT NULL,
	`scopes` text DEFAULT '[]' NOT NULL,
	`last_token_rotation` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `integrations_vendor_idx` ON `integrations` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `sub_processors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`name` text NOT NULL,
	`service` text,
	`country` text,
	`data_shared` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sub_processors_vendor_idx` ON `sub_processors` (`vendor_id`);--> statement-breakpoint
CREATE INDEX `sub_processors_name_idx` ON `sub_processors` (`name`);--> statement-breakpoint
CREATE TABLE `vendors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`service_description` text DEFAULT '' NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`business_owner` text,
	`contract_start` text,
	`contract_end` text,
	`criticality` integer DEFAULT 3 NOT NULL,
	`access_level` text DEFAULT 'none' NOT NULL,
	`tier_override` integer,
	`tier_override_reason` text,
	`tier_override_by` text,
	`status` text DEFAULT 'active' NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tier_override_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `vendors_name_idx` ON `vendors` (`name`);--> statement-breakpoint
CREATE INDEX `vendors_status_idx` ON `vendors` (`status`);--> statement-breakpoint
CREATE TABLE `questionnaire_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_templates_key_unique` ON `questionnaire_templates` (`key`);--> statement-breakpoint
CREATE TABLE `template_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`catalogue_key` text NOT NULL,
	`catalogue_version` integer NOT NULL,
	`content` text NOT NULL,
	`published_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `questionnaire_templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_versions_template_version_uq` ON `template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE INDEX `template_versions_status_idx` ON `template_versions` (`status`);--> statement-breakpoint
CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`control_id` text NOT NULL,
	`value` text,
	`comment` text DEFAULT '' NOT NULL,
	`review_status` text DEFAULT 'pending' NOT NULL,
	`review_note` text,
	`clarification_response` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`answered_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_assessment_control_uq` ON `answers` (`assessment_id`,`control_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`template_version_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`due_date` text,
	`assessor_id` text,
	`created_by` text,
	`reopen_note` text,
	`sent_at` integer,
	`started_at` integer,
	`submitted_at` integer,
	`review_started_at` integer,
	`completed_at` integer,
	`cancelled_at` integer,
	`score` real,
	`grade` text,
	`likelihood` integer,
	`impact` integer,
	`residual` integer,
	`band` text,
	`projected_residual` integer,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_version_id`) REFERENCES `template_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessments_vendor_idx` ON `assessments` (`vendor_id`,`completed_at`);--> statement-breakpoint
CREATE INDEX `assessments_status_idx` ON `assessments` (`status`);--> statement-breakpoint
CREATE INDEX `assessments_assessor_idx` ON `assessments` (`assessor_id`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`control_id` text,
	`task_id` integer,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_files_storedName_unique` ON `evidence_files` (`stored_name`);--> statement-breakpoint
CREATE INDEX `evidence_files_assessment_idx` ON `evidence_files` (`assessment_id`,`control_id`);--> statement-breakpoint
CREATE INDEX `evidence_files_task_idx` ON `evidence_files` (`task_id`);--> statement-breakpoint
CREATE TABLE `link_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`share_link_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`email_code_hash` text,
	`email_code_expires_at` integer,
	`email_code_attempts` integer DEFAULT 0 NOT NULL,
	`email_code_verified_at` integer,
	`last_seen_at` integer,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`share_link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `link_sessions_link_idx` ON `link_sessions` (`share_link_id`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_email` text NOT NULL,
	`email_code_required` integer DEFAULT false NOT NULL,
	`created_by` text,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	`last_opened_at` integer,
	`open_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_tokenHash_unique` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_assessment_idx` ON `share_links` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `remediation_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`assessment_id` integer NOT NULL,
	`control_id` text NOT NULL,
	`severity` text NOT NULL,
	`reasons` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_date` text NOT NULL,
	`owner_id` text,
	`vendor_response` text,
	`ready_at` integer,
	`verified_by` text,
	`closed_at` integer,
	`accepted_by` text,
	`acceptance_justification` text,
	`acceptance_expires_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remediation_tasks_assessment_control_uq` ON `remediation_tasks` (`assessment_id`,`control_id`);--> statement-breakpoint
CREATE INDEX `remediation_tasks_vendor_idx` ON `remediation_tasks` (`vendor_id`,`status`);--> statement-breakpoint
CREATE INDEX `remediation_tasks_status_due_idx` ON `remediation_tasks` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `task_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author_type` text NOT NULL,
	`author_name` text NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `remediation_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_comments_task_idx` ON `task_comments` (`task_id`);--> statement-breakpoint
CREATE TABLE `risk_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`assessment_id` integer,
	`taken_at` integer NOT NULL,
	`reason` text NOT NULL,
	`tier` integer NOT NULL,
	`impact` integer NOT NULL,
	`inherent_residual` integer NOT NULL,
	`standing` text NOT NULL,
	`score` real,
	`grade` text,
	`likelihood` integer,
	`residual` integer,
	`band` text,
	`open_tasks` integer DEFAULT 0 NOT NULL,
	`overdue_tasks` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `risk_snapshots_vendor_taken_idx` ON `risk_snapshots` (`vendor_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `risk_snapshots_taken_idx` ON `risk_snapshots` (`taken_at`);--> statement-breakpoint
CREATE TABLE `vendor_risk` (
	`vendor_id` integer PRIMARY KEY NOT NULL,
	`impact` integer NOT NULL,
	`sensitivity` integer NOT NULL,
	`volume_band` integer NOT NULL,
	`suggested_tier` integer NOT NULL,
	`tier` integer NOT NULL,
	`largest_holding` integer NOT NULL,
	`most_sensitive_category` text,
	`excess_data` integer NOT NULL,
	`inherent_residual` integer NOT NULL,
	`inherent_band` text NOT NULL,
	`assessment_id` integer,
	`assessed_at` integer,
	`assessment_expires_at` integer,
	`score` real,
	`grade` text,
	`likelihood` integer,
	`residual` integer,
	`band` text,
	`projected_residual` integer,
	`projected_band` text,
	`domains` text,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `vendor_risk_residual_idx` ON `vendor_risk` (`residual`);--> statement-breakpoint
CREATE INDEX `vendor_risk_tier_idx` ON `vendor_risk` (`tier`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_events_target_idx` ON `audit_events` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_status_idx` ON `email_outbox` (`status`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text,
	`run_at` integer NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`locked_until` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_jobs_dedupeKey_unique` ON `scheduled_jobs` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due_idx` ON `scheduled_jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
