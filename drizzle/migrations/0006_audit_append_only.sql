-- The audit log is append-only in the database itself, whatever code or tool writes to it:
-- entries cannot be changed or removed, and a new entry must follow the last one in the chain
-- (no second branch from an older entry). Someone who can alter the database file can drop
-- these triggers; the keyed hashes (server/services/audit.ts) and checkpoints catch that.
-- A later migration that rebuilds audit_events must create these triggers again.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: entries cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: entries cannot be removed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_append_to_chain` BEFORE INSERT ON `audit_events`
WHEN NEW.`prev_hash` IS NOT coalesce(
  (SELECT `hash` FROM `audit_events` ORDER BY `id` DESC LIMIT 1),
  '0000000000000000000000000000000000000000000000000000000000000000'
)
BEGIN SELECT RAISE(ABORT, 'audit_events: a new entry must follow the last entry of the chain'); END;
