DROP INDEX `audit_events_actor_idx`;--> statement-breakpoint
CREATE INDEX `audit_events_user_actor_idx` ON `audit_events` (`actor_id`) WHERE actor_type = 'user';