CREATE TABLE `active_task_counts` (
	`severity` text NOT NULL,
	`due_date` text NOT NULL,
	`open` integer NOT NULL,
	PRIMARY KEY(`severity`, `due_date`)
);
--> statement-breakpoint
CREATE TABLE `vendor_open_tasks` (
	`vendor_id` integer PRIMARY KEY NOT NULL,
	`open` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vendors_status_owner_idx` ON `vendors` (`status`,`business_owner`);--> statement-breakpoint
-- Hand-added after drizzle-kit's statements (ADR 0040): fill the two sums of vendor_task_counts, then the triggers that
-- keep them right whenever vendor_task_counts changes (its own triggers on remediation_tasks write it) or a vendor is
-- archived or restored. Filled first, so the triggers never count a row twice.
INSERT INTO `vendor_open_tasks` (`vendor_id`, `open`)
  SELECT `vendor_id`, sum(`open`) FROM `vendor_task_counts` GROUP BY 1 HAVING sum(`open`) > 0;
--> statement-breakpoint
INSERT INTO `active_task_counts` (`severity`, `due_date`, `open`)
  SELECT c.`severity`, c.`due_date`, sum(c.`open`) FROM `vendor_task_counts` c JOIN `vendors` v ON v.`id` = c.`vendor_id`
  WHERE v.`status` = 'active' GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `rollup_task_sums_ins` AFTER INSERT ON `vendor_task_counts` BEGIN
  INSERT INTO `vendor_open_tasks` (`vendor_id`, `open`) VALUES (new.`vendor_id`, new.`open`)
    ON CONFLICT (`vendor_id`) DO UPDATE SET `open` = `open` + excluded.`open`;
  INSERT INTO `active_task_counts` (`severity`, `due_date`, `open`)
    SELECT new.`severity`, new.`due_date`, new.`open` WHERE EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active')
    ON CONFLICT (`severity`, `due_date`) DO UPDATE SET `open` = `open` + excluded.`open`;
END;
--> statement-breakpoint
-- The count moves from the old row's key to the new one's (vendor_task_counts only changes its count today; a key
-- change would still be counted right).
CREATE TRIGGER `rollup_task_sums_upd` AFTER UPDATE ON `vendor_task_counts` BEGIN
  UPDATE `vendor_open_tasks` SET `open` = `open` - old.`open` WHERE `vendor_id` = old.`vendor_id`;
  INSERT INTO `vendor_open_tasks` (`vendor_id`, `open`) VALUES (new.`vendor_id`, new.`open`)
    ON CONFLICT (`vendor_id`) DO UPDATE SET `open` = `open` + excluded.`open`;
  DELETE FROM `vendor_open_tasks` WHERE `vendor_id` = old.`vendor_id` AND `open` <= 0;
  UPDATE `active_task_counts` SET `open` = `open` - old.`open`
    WHERE `severity` = old.`severity` AND `due_date` = old.`due_date` AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active');
  INSERT INTO `active_task_counts` (`severity`, `due_date`, `open`)
    SELECT new.`severity`, new.`due_date`, new.`open` WHERE EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active')
    ON CONFLICT (`severity`, `due_date`) DO UPDATE SET `open` = `open` + excluded.`open`;
  DELETE FROM `active_task_counts` WHERE `severity` = old.`severity` AND `due_date` = old.`due_date` AND `open` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_task_sums_del` AFTER DELETE ON `vendor_task_counts` BEGIN
  UPDATE `vendor_open_tasks` SET `open` = `open` - old.`open` WHERE `vendor_id` = old.`vendor_id`;
  DELETE FROM `vendor_open_tasks` WHERE `vendor_id` = old.`vendor_id` AND `open` <= 0;
  UPDATE `active_task_counts` SET `open` = `open` - old.`open`
    WHERE `severity` = old.`severity` AND `due_date` = old.`due_date` AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active');
  DELETE FROM `active_task_counts` WHERE `severity` = old.`severity` AND `due_date` = old.`due_date` AND `open` <= 0;
END;
--> statement-breakpoint
-- Archiving a vendor takes its tasks out of the active portfolio's counts; restoring it puts them back.
CREATE TRIGGER `rollup_task_sums_vendor_status` AFTER UPDATE OF `status` ON `vendors`
WHEN (old.`status` = 'active') IS NOT (new.`status` = 'active') BEGIN
  UPDATE `active_task_counts` SET `open` = `active_task_counts`.`open` - c.`open`
    FROM (SELECT `severity`, `due_date`, `open` FROM `vendor_task_counts` WHERE `vendor_id` = old.`id`) AS c
    WHERE old.`status` = 'active' AND `active_task_counts`.`severity` = c.`severity` AND `active_task_counts`.`due_date` = c.`due_date`;
  DELETE FROM `active_task_counts` WHERE `open` <= 0;
  INSERT INTO `active_task_counts` (`severity`, `due_date`, `open`)
    SELECT `severity`, `due_date`, `open` FROM `vendor_task_counts` WHERE `vendor_id` = new.`id` AND new.`status` = 'active'
    ON CONFLICT (`severity`, `due_date`) DO UPDATE SET `open` = `open` + excluded.`open`;
END;
