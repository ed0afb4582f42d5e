CREATE TABLE `data_category_totals` (
	`category` text PRIMARY KEY NOT NULL,
	`vendors` integer NOT NULL,
	`records` integer NOT NULL,
	`excess_vendors` integer NOT NULL,
	`excess_records` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `failing_control_days` (
	`control_id` text NOT NULL,
	`expires_day` integer NOT NULL,
	`vendors` integer NOT NULL,
	PRIMARY KEY(`expires_day`, `control_id`)
);
--> statement-breakpoint
-- Hand-added after drizzle-kit's statements (ADR 0037), as in 0018: fill both rollups from the base tables, then the
-- triggers that keep them right on every write, whoever writes. Both count active vendors only.
-- failing_control_days: a vendor counts while its position carries an assessment; its day is that assessment's
-- expiry day (UTC, days since the epoch), 2147483647 when it has none (it then never expires, as standingSql says).
-- A control listed twice in one vendor's list counts once, as vendor_failing_controls keeps it.
INSERT INTO `failing_control_days` (`control_id`, `expires_day`, `vendors`)
  SELECT f.`control_id`, coalesce(r.`assessment_expires_at` / 86400000, 2147483647), count(*)
  FROM `vendor_risk` r JOIN `vendors` v ON v.`id` = r.`vendor_id`
    JOIN (SELECT DISTINCT r2.`vendor_id`, j.`value` AS `control_id` FROM `vendor_risk` r2, json_each(r2.`failing_controls`) j) f ON f.`vendor_id` = r.`vendor_id`
  WHERE v.`status` = 'active' AND r.`assessment_id` IS NOT NULL
  GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `data_category_totals` (`category`, `vendors`, `records`, `excess_vendors`, `excess_records`)
  SELECT h.`category`, count(DISTINCT h.`vendor_id`), sum(h.`records`), count(DISTINCT CASE WHEN h.`needed` THEN NULL ELSE h.`vendor_id` END),
         sum(CASE WHEN h.`needed` THEN 0 ELSE h.`records` END)
  FROM `data_holdings` h JOIN `vendors` v ON v.`id` = h.`vendor_id`
  WHERE v.`status` = 'active' AND h.`records` > 0
  GROUP BY h.`category`;
--> statement-breakpoint
CREATE TRIGGER `rollup_fcd_ins` AFTER INSERT ON `vendor_risk`
WHEN new.`assessment_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active') BEGIN
  INSERT INTO `failing_control_days` (`control_id`, `expires_day`, `vendors`)
    SELECT DISTINCT `value`, coalesce(new.`assessment_expires_at` / 86400000, 2147483647), 1 FROM json_each(new.`failing_controls`) WHERE true
    ON CONFLICT (`expires_day`, `control_id`) DO UPDATE SET `vendors` = `vendors` + 1;
END;
--> statement-breakpoint
-- Rescoring sets every column; the counts move only when what they depend on did.
CREATE TRIGGER `rollup_fcd_upd` AFTER UPDATE OF `failing_controls`, `assessment_id`, `assessment_expires_at`, `vendor_id` ON `vendor_risk`
WHEN old.`failing_controls` IS NOT new.`failing_controls` OR (old.`assessment_id` IS NULL) IS NOT (new.`assessment_id` IS NULL)
  OR old.`assessment_expires_at` IS NOT new.`assessment_expires_at` OR old.`vendor_id` IS NOT new.`vendor_id` BEGIN
  UPDATE `failing_control_days` SET `vendors` = `vendors` - 1
    WHERE old.`assessment_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active')
      AND `expires_day` = coalesce(old.`assessment_expires_at` / 86400000, 2147483647)
      AND `control_id` IN (SELECT `value` FROM json_each(old.`failing_controls`));
  DELETE FROM `failing_control_days` WHERE `expires_day` = coalesce(old.`assessment_expires_at` / 86400000, 2147483647) AND `vendors` <= 0;
  INSERT INTO `failing_control_days` (`control_id`, `expires_day`, `vendors`)
    SELECT DISTINCT `value`, coalesce(new.`assessment_expires_at` / 86400000, 2147483647), 1 FROM json_each(new.`failing_controls`)
    WHERE new.`assessment_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active')
    ON CONFLICT (`expires_day`, `control_id`) DO UPDATE SET `vendors` = `vendors` + 1;
END;
--> statement-breakpoint
-- Also runs in a vendor's cascade, when the vendor is already gone: rollup_rollups_vendor_del has taken it out by then.
CREATE TRIGGER `rollup_fcd_del` AFTER DELETE ON `vendor_risk`
WHEN old.`assessment_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active') BEGIN
  UPDATE `failing_control_days` SET `vendors` = `vendors` - 1
    WHERE `expires_day` = coalesce(old.`assessment_expires_at` / 86400000, 2147483647)
      AND `control_id` IN (SELECT `value` FROM json_each(old.`failing_controls`));
  DELETE FROM `failing_control_days` WHERE `expires_day` = coalesce(old.`assessment_expires_at` / 86400000, 2147483647) AND `vendors` <= 0;
END;
--> statement-breakpoint
-- A holding counts towards its category's vendors (and excess vendors) only when no other holding of the same vendor
-- and category already does; every holding with records adds its records.
CREATE TRIGGER `rollup_dct_ins` AFTER INSERT ON `data_holdings`
WHEN new.`records` > 0 AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active') BEGIN
  INSERT INTO `data_category_totals` (`category`, `vendors`, `records`, `excess_vendors`, `excess_records`)
    SELECT new.`category`,
      NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = new.`vendor_id` AND `category` = new.`category` AND `id` <> new.`id` AND `records` > 0),
      new.`records`,
      NOT new.`needed` AND NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = new.`vendor_id` AND `category` = new.`category` AND `id` <> new.`id` AND `records` > 0 AND NOT `needed`),
      CASE WHEN new.`needed` THEN 0 ELSE new.`records` END
    WHERE true
    ON CONFLICT (`category`) DO UPDATE SET `vendors` = `vendors` + excluded.`vendors`, `records` = `records` + excluded.`records`,
      `excess_vendors` = `excess_vendors` + excluded.`excess_vendors`, `excess_records` = `excess_records` + excluded.`excess_records`;
END;
--> statement-breakpoint
-- The old row out, the new row in; the other holdings of each vendor and category decide whether the vendor still counts.
CREATE TRIGGER `rollup_dct_upd` AFTER UPDATE OF `vendor_id`, `category`, `records`, `needed` ON `data_holdings`
WHEN old.`vendor_id` IS NOT new.`vendor_id` OR old.`category` IS NOT new.`category` OR old.`records` IS NOT new.`records` OR old.`needed` IS NOT new.`needed` BEGIN
  UPDATE `data_category_totals` SET
      `vendors` = `vendors` - NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = old.`vendor_id` AND `category` = old.`category` AND `id` <> old.`id` AND `records` > 0),
      `records` = `records` - old.`records`,
      `excess_vendors` = `excess_vendors` - (NOT old.`needed` AND NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = old.`vendor_id` AND `category` = old.`category` AND `id` <> old.`id` AND `records` > 0 AND NOT `needed`)),
      `excess_records` = `excess_records` - CASE WHEN old.`needed` THEN 0 ELSE old.`records` END
    WHERE `category` = old.`category` AND old.`records` > 0 AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active');
  DELETE FROM `data_category_totals` WHERE `category` = old.`category` AND `vendors` <= 0;
  INSERT INTO `data_category_totals` (`category`, `vendors`, `records`, `excess_vendors`, `excess_records`)
    SELECT new.`category`,
      NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = new.`vendor_id` AND `category` = new.`category` AND `id` <> new.`id` AND `records` > 0),
      new.`records`,
      NOT new.`needed` AND NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = new.`vendor_id` AND `category` = new.`category` AND `id` <> new.`id` AND `records` > 0 AND NOT `needed`),
      CASE WHEN new.`needed` THEN 0 ELSE new.`records` END
    WHERE new.`records` > 0 AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active')
    ON CONFLICT (`category`) DO UPDATE SET `vendors` = `vendors` + excluded.`vendors`, `records` = `records` + excluded.`records`,
      `excess_vendors` = `excess_vendors` + excluded.`excess_vendors`, `excess_records` = `excess_records` + excluded.`excess_records`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_dct_del` AFTER DELETE ON `data_holdings`
WHEN old.`records` > 0 AND EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active') BEGIN
  UPDATE `data_category_totals` SET
      `vendors` = `vendors` - NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = old.`vendor_id` AND `category` = old.`category` AND `records` > 0),
      `records` = `records` - old.`records`,
      `excess_vendors` = `excess_vendors` - (NOT old.`needed` AND NOT EXISTS (SELECT 1 FROM `data_holdings` WHERE `vendor_id` = old.`vendor_id` AND `category` = old.`category` AND `records` > 0 AND NOT `needed`)),
      `excess_records` = `excess_records` - CASE WHEN old.`needed` THEN 0 ELSE old.`records` END
    WHERE `category` = old.`category`;
  DELETE FROM `data_category_totals` WHERE `category` = old.`category` AND `vendors` <= 0;
END;
--> statement-breakpoint
-- Archiving a vendor takes its failing controls and its holdings out of both rollups; restoring puts them back.
CREATE TRIGGER `rollup_rollups_vendor_status` AFTER UPDATE OF `status` ON `vendors`
WHEN (old.`status` = 'active') IS NOT (new.`status` = 'active') BEGIN
  UPDATE `failing_control_days` SET `vendors` = `failing_control_days`.`vendors` - 1
    FROM (SELECT DISTINCT coalesce(r.`assessment_expires_at` / 86400000, 2147483647) AS `d`, j.`value` AS `c`
          FROM `vendor_risk` r, json_each(r.`failing_controls`) j WHERE r.`vendor_id` = old.`id` AND r.`assessment_id` IS NOT NULL) AS x
    WHERE old.`status` = 'active' AND `failing_control_days`.`expires_day` = x.`d` AND `failing_control_days`.`control_id` = x.`c`;
  DELETE FROM `failing_control_days` WHERE `vendors` <= 0
    AND `expires_day` IN (SELECT coalesce(`assessment_expires_at` / 86400000, 2147483647) FROM `vendor_risk` WHERE `vendor_id` = old.`id`);
  INSERT INTO `failing_control_days` (`control_id`, `expires_day`, `vendors`)
    SELECT DISTINCT j.`value`, coalesce(r.`assessment_expires_at` / 86400000, 2147483647), 1
    FROM `vendor_risk` r, json_each(r.`failing_controls`) j WHERE r.`vendor_id` = new.`id` AND r.`assessment_id` IS NOT NULL AND new.`status` = 'active'
    ON CONFLICT (`expires_day`, `control_id`) DO UPDATE SET `vendors` = `vendors` + 1;
  UPDATE `data_category_totals` SET `vendors` = `data_category_totals`.`vendors` - 1, `records` = `data_category_totals`.`records` - x.`r`,
      `excess_vendors` = `data_category_totals`.`excess_vendors` - (x.`en` > 0), `excess_records` = `data_category_totals`.`excess_records` - x.`e`
    FROM (SELECT `category` AS `c`, sum(`records`) AS `r`, sum(NOT `needed`) AS `en`, sum(CASE WHEN `needed` THEN 0 ELSE `records` END) AS `e`
          FROM `data_holdings` WHERE `vendor_id` = old.`id` AND `records` > 0 GROUP BY `category`) AS x
    WHERE old.`status` = 'active' AND `data_category_totals`.`category` = x.`c`;
  DELETE FROM `data_category_totals` WHERE `vendors` <= 0;
  INSERT INTO `data_category_totals` (`category`, `vendors`, `records`, `excess_vendors`, `excess_records`)
    SELECT `category`, 1, sum(`records`), sum(NOT `needed`) > 0, sum(CASE WHEN `needed` THEN 0 ELSE `records` END)
    FROM `data_holdings` WHERE `vendor_id` = new.`id` AND `records` > 0 AND new.`status` = 'active' GROUP BY `category`
    ON CONFLICT (`category`) DO UPDATE SET `vendors` = `vendors` + 1, `records` = `records` + excluded.`records`,
      `excess_vendors` = `excess_vendors` + excluded.`excess_vendors`, `excess_records` = `excess_records` + excluded.`excess_records`;
END;
--> statement-breakpoint
-- A vendor deleted outright (no product path does): it leaves both rollups while it still counts as what it was;
-- the triggers on its cascading rows then find it gone and do nothing.
CREATE TRIGGER `rollup_rollups_vendor_del` BEFORE DELETE ON `vendors` WHEN old.`status` = 'active' BEGIN
  UPDATE `failing_control_days` SET `vendors` = `failing_control_days`.`vendors` - 1
    FROM (SELECT DISTINCT coalesce(r.`assessment_expires_at` / 86400000, 2147483647) AS `d`, j.`value` AS `c`
          FROM `vendor_risk` r, json_each(r.`failing_controls`) j WHERE r.`vendor_id` = old.`id` AND r.`assessment_id` IS NOT NULL) AS x
    WHERE `failing_control_days`.`expires_day` = x.`d` AND `failing_control_days`.`control_id` = x.`c`;
  DELETE FROM `failing_control_days` WHERE `vendors` <= 0
    AND `expires_day` IN (SELECT coalesce(`assessment_expires_at` / 86400000, 2147483647) FROM `vendor_risk` WHERE `vendor_id` = old.`id`);
  UPDATE `data_category_totals` SET `vendors` = `data_category_totals`.`vendors` - 1, `records` = `data_category_totals`.`records` - x.`r`,
      `excess_vendors` = `data_category_totals`.`excess_vendors` - (x.`en` > 0), `excess_records` = `data_category_totals`.`excess_records` - x.`e`
    FROM (SELECT `category` AS `c`, sum(`records`) AS `r`, sum(NOT `needed`) AS `en`, sum(CASE WHEN `needed` THEN 0 ELSE `records` END) AS `e`
          FROM `data_holdings` WHERE `vendor_id` = old.`id` AND `records` > 0 GROUP BY `category`) AS x
    WHERE `data_category_totals`.`category` = x.`c`;
  DELETE FROM `data_category_totals` WHERE `vendors` <= 0;
END;
