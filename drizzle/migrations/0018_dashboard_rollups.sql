CREATE TABLE `risk_month_totals` (
	`month` text PRIMARY KEY NOT NULL,
	`vendors` integer NOT NULL,
	`residual_sum` integer NOT NULL,
	`residual_count` integer NOT NULL,
	`low` integer NOT NULL,
	`medium` integer NOT NULL,
	`high` integer NOT NULL,
	`critical` integer NOT NULL,
	`not_assessed` integer NOT NULL,
	`open_tasks` integer NOT NULL,
	`overdue_tasks` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `risk_snapshot_months` (
	`vendor_id` integer NOT NULL,
	`month` text NOT NULL,
	`snapshot_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`standing` text NOT NULL,
	`residual` integer,
	`band` text,
	`open_tasks` integer NOT NULL,
	`overdue_tasks` integer NOT NULL,
	PRIMARY KEY(`vendor_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `risk_snapshot_months_month_idx` ON `risk_snapshot_months` (`month`,`taken_at`,`vendor_id`,`residual`,`band`,`standing`,`open_tasks`,`overdue_tasks`);--> statement-breakpoint
CREATE TABLE `vendor_failing_controls` (
	`vendor_id` integer NOT NULL,
	`control_id` text NOT NULL,
	PRIMARY KEY(`vendor_id`, `control_id`)
);
--> statement-breakpoint
CREATE TABLE `vendor_task_counts` (
	`vendor_id` integer NOT NULL,
	`severity` text NOT NULL,
	`due_date` text NOT NULL,
	`open` integer NOT NULL,
	PRIMARY KEY(`vendor_id`, `severity`, `due_date`)
);
--> statement-breakpoint
-- Hand-added after drizzle-kit's statements (ADR 0032): fill the rollups from the base tables, then the triggers that
-- keep them right on every write from then on, whoever writes. Filled first, so the triggers never count a row twice.
-- Active tasks are 'open', 'in_progress' and 'ready_for_verification' (ACTIVE_TASK_STATUSES in shared/statuses.ts).
INSERT INTO `vendor_task_counts` (`vendor_id`, `severity`, `due_date`, `open`)
  SELECT `vendor_id`, `severity`, `due_date`, count(*) FROM `remediation_tasks`
  WHERE `status` IN ('open', 'in_progress', 'ready_for_verification') GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT OR IGNORE INTO `vendor_failing_controls` (`vendor_id`, `control_id`)
  SELECT r.`vendor_id`, f.`value` FROM `vendor_risk` r, json_each(r.`failing_controls`) f;
--> statement-breakpoint
-- A vendor's month is its latest snapshot in that calendar month (UTC); on equal times the later row wins.
INSERT INTO `risk_snapshot_months` (`vendor_id`, `month`, `snapshot_id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks`)
  SELECT `vendor_id`, `month`, `id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks` FROM (
    SELECT s.*, strftime('%Y-%m', s.`taken_at` / 1000, 'unixepoch') AS `month`,
           row_number() OVER (PARTITION BY s.`vendor_id`, strftime('%Y-%m', s.`taken_at` / 1000, 'unixepoch') ORDER BY s.`taken_at` DESC, s.`id` DESC) AS `rn`
    FROM `risk_snapshots` s
  ) WHERE `rn` = 1;
--> statement-breakpoint
INSERT INTO `risk_month_totals` (`month`, `vendors`, `residual_sum`, `residual_count`, `low`, `medium`, `high`, `critical`, `not_assessed`, `open_tasks`, `overdue_tasks`)
  SELECT m.`month`, count(*), coalesce(sum(m.`residual`), 0), count(m.`residual`), sum(m.`band` IS 'low'), sum(m.`band` IS 'medium'),
         sum(m.`band` IS 'high'), sum(m.`band` IS 'critical'), sum(m.`standing` <> 'assessed'), sum(m.`open_tasks`), sum(m.`overdue_tasks`)
  FROM `risk_snapshot_months` m JOIN `vendors` v ON v.`id` = m.`vendor_id` WHERE v.`status` = 'active' GROUP BY m.`month`;
--> statement-breakpoint
CREATE TRIGGER `rollup_tasks_ins` AFTER INSERT ON `remediation_tasks`
WHEN new.`status` IN ('open', 'in_progress', 'ready_for_verification') BEGIN
  INSERT INTO `vendor_task_counts` (`vendor_id`, `severity`, `due_date`, `open`) VALUES (new.`vendor_id`, new.`severity`, new.`due_date`, 1)
    ON CONFLICT (`vendor_id`, `severity`, `due_date`) DO UPDATE SET `open` = `open` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_tasks_del` AFTER DELETE ON `remediation_tasks`
WHEN old.`status` IN ('open', 'in_progress', 'ready_for_verification') BEGIN
  UPDATE `vendor_task_counts` SET `open` = `open` - 1 WHERE `vendor_id` = old.`vendor_id` AND `severity` = old.`severity` AND `due_date` = old.`due_date`;
  DELETE FROM `vendor_task_counts` WHERE `vendor_id` = old.`vendor_id` AND `severity` = old.`severity` AND `due_date` = old.`due_date` AND `open` <= 0;
END;
--> statement-breakpoint
-- Moves the task from its old key to its new one; a change between two active statuses moves it to where it was.
CREATE TRIGGER `rollup_tasks_upd` AFTER UPDATE OF `status`, `vendor_id`, `severity`, `due_date` ON `remediation_tasks`
WHEN old.`status` IN ('open', 'in_progress', 'ready_for_verification') OR new.`status` IN ('open', 'in_progress', 'ready_for_verification') BEGIN
  UPDATE `vendor_task_counts` SET `open` = `open` - 1
    WHERE old.`status` IN ('open', 'in_progress', 'ready_for_verification') AND `vendor_id` = old.`vendor_id` AND `severity` = old.`severity` AND `due_date` = old.`due_date`;
  DELETE FROM `vendor_task_counts` WHERE `vendor_id` = old.`vendor_id` AND `severity` = old.`severity` AND `due_date` = old.`due_date` AND `open` <= 0;
  INSERT INTO `vendor_task_counts` (`vendor_id`, `severity`, `due_date`, `open`)
    SELECT new.`vendor_id`, new.`severity`, new.`due_date`, 1 WHERE new.`status` IN ('open', 'in_progress', 'ready_for_verification')
    ON CONFLICT (`vendor_id`, `severity`, `due_date`) DO UPDATE SET `open` = `open` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_failing_ins` AFTER INSERT ON `vendor_risk` BEGIN
  INSERT OR IGNORE INTO `vendor_failing_controls` (`vendor_id`, `control_id`) SELECT new.`vendor_id`, `value` FROM json_each(new.`failing_controls`);
END;
--> statement-breakpoint
-- Rescoring sets every column; the rows are rewritten only when the list itself changed.
CREATE TRIGGER `rollup_failing_upd` AFTER UPDATE OF `failing_controls`, `vendor_id` ON `vendor_risk`
WHEN old.`failing_controls` IS NOT new.`failing_controls` OR old.`vendor_id` IS NOT new.`vendor_id` BEGIN
  DELETE FROM `vendor_failing_controls` WHERE `vendor_id` = old.`vendor_id`;
  INSERT OR IGNORE INTO `vendor_failing_controls` (`vendor_id`, `control_id`) SELECT new.`vendor_id`, `value` FROM json_each(new.`failing_controls`);
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_failing_del` AFTER DELETE ON `vendor_risk` BEGIN
  DELETE FROM `vendor_failing_controls` WHERE `vendor_id` = old.`vendor_id`;
END;
--> statement-breakpoint
-- A snapshot written, changed or removed: its vendor's month is worked out again from the snapshots themselves
-- (one indexed read), so inserts, back-dated edits (the demo seed) and deletes all leave the month exact.
CREATE TRIGGER `rollup_snapshots_ins` AFTER INSERT ON `risk_snapshots` BEGIN
  DELETE FROM `risk_snapshot_months` WHERE `vendor_id` = new.`vendor_id` AND `month` = strftime('%Y-%m', new.`taken_at` / 1000, 'unixepoch');
  INSERT INTO `risk_snapshot_months` (`vendor_id`, `month`, `snapshot_id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks`)
    SELECT s.`vendor_id`, strftime('%Y-%m', new.`taken_at` / 1000, 'unixepoch'), s.`id`, s.`taken_at`, s.`standing`, s.`residual`, s.`band`, s.`open_tasks`, s.`overdue_tasks`
    FROM `risk_snapshots` s
    WHERE s.`vendor_id` = new.`vendor_id`
      AND s.`taken_at` >= strftime('%s', strftime('%Y-%m-01', new.`taken_at` / 1000, 'unixepoch')) * 1000
      AND s.`taken_at` < strftime('%s', strftime('%Y-%m-01', new.`taken_at` / 1000, 'unixepoch'), '+1 month') * 1000
    ORDER BY s.`taken_at` DESC, s.`id` DESC LIMIT 1;
END;
--> statement-breakpoint
-- Not while the vendor itself is being deleted (its cascade would put back what rollup_vendor_del took out).
CREATE TRIGGER `rollup_snapshots_del` AFTER DELETE ON `risk_snapshots`
WHEN EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id`) BEGIN
  DELETE FROM `risk_snapshot_months` WHERE `vendor_id` = old.`vendor_id` AND `month` = strftime('%Y-%m', old.`taken_at` / 1000, 'unixepoch');
  INSERT INTO `risk_snapshot_months` (`vendor_id`, `month`, `snapshot_id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks`)
    SELECT s.`vendor_id`, strftime('%Y-%m', old.`taken_at` / 1000, 'unixepoch'), s.`id`, s.`taken_at`, s.`standing`, s.`residual`, s.`band`, s.`open_tasks`, s.`overdue_tasks`
    FROM `risk_snapshots` s
    WHERE s.`vendor_id` = old.`vendor_id`
      AND s.`taken_at` >= strftime('%s', strftime('%Y-%m-01', old.`taken_at` / 1000, 'unixepoch')) * 1000
      AND s.`taken_at` < strftime('%s', strftime('%Y-%m-01', old.`taken_at` / 1000, 'unixepoch'), '+1 month') * 1000
    ORDER BY s.`taken_at` DESC, s.`id` DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_snapshots_upd` AFTER UPDATE ON `risk_snapshots` BEGIN
  DELETE FROM `risk_snapshot_months` WHERE `vendor_id` = old.`vendor_id` AND `month` = strftime('%Y-%m', old.`taken_at` / 1000, 'unixepoch');
  INSERT INTO `risk_snapshot_months` (`vendor_id`, `month`, `snapshot_id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks`)
    SELECT s.`vendor_id`, strftime('%Y-%m', old.`taken_at` / 1000, 'unixepoch'), s.`id`, s.`taken_at`, s.`standing`, s.`residual`, s.`band`, s.`open_tasks`, s.`overdue_tasks`
    FROM `risk_snapshots` s
    WHERE s.`vendor_id` = old.`vendor_id`
      AND s.`taken_at` >= strftime('%s', strftime('%Y-%m-01', old.`taken_at` / 1000, 'unixepoch')) * 1000
      AND s.`taken_at` < strftime('%s', strftime('%Y-%m-01', old.`taken_at` / 1000, 'unixepoch'), '+1 month') * 1000
    ORDER BY s.`taken_at` DESC, s.`id` DESC LIMIT 1;
  DELETE FROM `risk_snapshot_months` WHERE `vendor_id` = new.`vendor_id` AND `month` = strftime('%Y-%m', new.`taken_at` / 1000, 'unixepoch');
  INSERT INTO `risk_snapshot_months` (`vendor_id`, `month`, `snapshot_id`, `taken_at`, `standing`, `residual`, `band`, `open_tasks`, `overdue_tasks`)
    SELECT s.`vendor_id`, strftime('%Y-%m', new.`taken_at` / 1000, 'unixepoch'), s.`id`, s.`taken_at`, s.`standing`, s.`residual`, s.`band`, s.`open_tasks`, s.`overdue_tasks`
    FROM `risk_snapshots` s
    WHERE s.`vendor_id` = new.`vendor_id`
      AND s.`taken_at` >= strftime('%s', strftime('%Y-%m-01', new.`taken_at` / 1000, 'unixepoch')) * 1000
      AND s.`taken_at` < strftime('%s', strftime('%Y-%m-01', new.`taken_at` / 1000, 'unixepoch'), '+1 month') * 1000
    ORDER BY s.`taken_at` DESC, s.`id` DESC LIMIT 1;
END;
--> statement-breakpoint
-- The portfolio's monthly totals count active vendors only: a month row counts while its vendor is active.
CREATE TRIGGER `rollup_months_ins` AFTER INSERT ON `risk_snapshot_months`
WHEN EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active') BEGIN
  INSERT INTO `risk_month_totals` (`month`, `vendors`, `residual_sum`, `residual_count`, `low`, `medium`, `high`, `critical`, `not_assessed`, `open_tasks`, `overdue_tasks`)
    VALUES (new.`month`, 1, coalesce(new.`residual`, 0), new.`residual` IS NOT NULL, new.`band` IS 'low', new.`band` IS 'medium', new.`band` IS 'high',
            new.`band` IS 'critical', new.`standing` <> 'assessed', new.`open_tasks`, new.`overdue_tasks`)
    ON CONFLICT (`month`) DO UPDATE SET `vendors` = `vendors` + 1, `residual_sum` = `residual_sum` + excluded.`residual_sum`,
      `residual_count` = `residual_count` + excluded.`residual_count`, `low` = `low` + excluded.`low`, `medium` = `medium` + excluded.`medium`,
      `high` = `high` + excluded.`high`, `critical` = `critical` + excluded.`critical`, `not_assessed` = `not_assessed` + excluded.`not_assessed`,
      `open_tasks` = `open_tasks` + excluded.`open_tasks`, `overdue_tasks` = `overdue_tasks` + excluded.`overdue_tasks`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_months_del` AFTER DELETE ON `risk_snapshot_months`
WHEN EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active') BEGIN
  UPDATE `risk_month_totals` SET `vendors` = `vendors` - 1, `residual_sum` = `residual_sum` - coalesce(old.`residual`, 0),
    `residual_count` = `residual_count` - (old.`residual` IS NOT NULL), `low` = `low` - (old.`band` IS 'low'), `medium` = `medium` - (old.`band` IS 'medium'),
    `high` = `high` - (old.`band` IS 'high'), `critical` = `critical` - (old.`band` IS 'critical'), `not_assessed` = `not_assessed` - (old.`standing` <> 'assessed'),
    `open_tasks` = `open_tasks` - old.`open_tasks`, `overdue_tasks` = `overdue_tasks` - old.`overdue_tasks`
    WHERE `month` = old.`month`;
  DELETE FROM `risk_month_totals` WHERE `month` = old.`month` AND `vendors` <= 0;
END;
--> statement-breakpoint
-- Archiving a vendor takes all its months out of the totals; restoring it puts them back.
CREATE TRIGGER `rollup_vendor_status` AFTER UPDATE OF `status` ON `vendors`
WHEN (old.`status` = 'active') IS NOT (new.`status` = 'active') BEGIN
  UPDATE `risk_month_totals` SET `vendors` = `risk_month_totals`.`vendors` - 1, `residual_sum` = `risk_month_totals`.`residual_sum` - coalesce(m.`residual`, 0),
    `residual_count` = `risk_month_totals`.`residual_count` - (m.`residual` IS NOT NULL), `low` = `risk_month_totals`.`low` - (m.`band` IS 'low'), `medium` = `risk_month_totals`.`medium` - (m.`band` IS 'medium'),
    `high` = `risk_month_totals`.`high` - (m.`band` IS 'high'), `critical` = `risk_month_totals`.`critical` - (m.`band` IS 'critical'), `not_assessed` = `risk_month_totals`.`not_assessed` - (m.`standing` <> 'assessed'),
    `open_tasks` = `risk_month_totals`.`open_tasks` - m.`open_tasks`, `overdue_tasks` = `risk_month_totals`.`overdue_tasks` - m.`overdue_tasks`
    FROM (SELECT * FROM `risk_snapshot_months` WHERE `vendor_id` = old.`id`) AS m
    WHERE old.`status` = 'active' AND `risk_month_totals`.`month` = m.`month`;
  DELETE FROM `risk_month_totals` WHERE `vendors` <= 0;
  INSERT INTO `risk_month_totals` (`month`, `vendors`, `residual_sum`, `residual_count`, `low`, `medium`, `high`, `critical`, `not_assessed`, `open_tasks`, `overdue_tasks`)
    SELECT m.`month`, 1, coalesce(m.`residual`, 0), m.`residual` IS NOT NULL, m.`band` IS 'low', m.`band` IS 'medium', m.`band` IS 'high',
           m.`band` IS 'critical', m.`standing` <> 'assessed', m.`open_tasks`, m.`overdue_tasks`
    FROM `risk_snapshot_months` m WHERE m.`vendor_id` = new.`id` AND new.`status` = 'active'
    ON CONFLICT (`month`) DO UPDATE SET `vendors` = `vendors` + 1, `residual_sum` = `residual_sum` + excluded.`residual_sum`,
      `residual_count` = `residual_count` + excluded.`residual_count`, `low` = `low` + excluded.`low`, `medium` = `medium` + excluded.`medium`,
      `high` = `high` + excluded.`high`, `critical` = `critical` + excluded.`critical`, `not_assessed` = `not_assessed` + excluded.`not_assessed`,
      `open_tasks` = `open_tasks` + excluded.`open_tasks`, `overdue_tasks` = `overdue_tasks` + excluded.`overdue_tasks`;
END;
--> statement-breakpoint
-- A vendor deleted outright (no product path does; a hand-run statement might): its rows go before its snapshots and
-- tasks cascade, while it still counts as whatever it was.
CREATE TRIGGER `rollup_vendor_del` BEFORE DELETE ON `vendors` BEGIN
  DELETE FROM `risk_snapshot_months` WHERE `vendor_id` = old.`id`;
  DELETE FROM `vendor_task_counts` WHERE `vendor_id` = old.`id`;
  DELETE FROM `vendor_failing_controls` WHERE `vendor_id` = old.`id`;
END;
