CREATE TABLE `vendor_position_days` (
	`expires_day` integer NOT NULL,
	`tier` integer NOT NULL,
	`band` text NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`vendors` integer NOT NULL,
	PRIMARY KEY(`expires_day`, `tier`, `band`, `likelihood`, `impact`)
);
--> statement-breakpoint
-- Hand-added after drizzle-kit's statement (ADR 0043), as in 0019: fill the rollup from the base tables, then the
-- triggers that keep it right on every write, whoever writes. Active vendors only. A vendor's day is -1 while no
-- assessment vouches for it; otherwise its assessment's expiry day (UTC, days since the epoch), 2147483647 when it has
-- none (it then never expires, as standingSql says). A missing band is kept as '', a missing likelihood as 0.
INSERT INTO `vendor_position_days` (`expires_day`, `tier`, `band`, `likelihood`, `impact`, `vendors`)
  SELECT CASE WHEN r.`assessment_id` IS NULL THEN -1 ELSE coalesce(r.`assessment_expires_at` / 86400000, 2147483647) END,
         r.`tier`, coalesce(r.`band`, ''), coalesce(r.`likelihood`, 0), r.`impact`, count(*)
  FROM `vendor_risk` r JOIN `vendors` v ON v.`id` = r.`vendor_id`
  WHERE v.`status` = 'active'
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `rollup_vpd_ins` AFTER INSERT ON `vendor_risk`
WHEN EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active') BEGIN
  INSERT INTO `vendor_position_days` (`expires_day`, `tier`, `band`, `likelihood`, `impact`, `vendors`)
    VALUES (CASE WHEN new.`assessment_id` IS NULL THEN -1 ELSE coalesce(new.`assessment_expires_at` / 86400000, 2147483647) END,
            new.`tier`, coalesce(new.`band`, ''), coalesce(new.`likelihood`, 0), new.`impact`, 1)
    ON CONFLICT (`expires_day`, `tier`, `band`, `likelihood`, `impact`) DO UPDATE SET `vendors` = `vendors` + 1;
END;
--> statement-breakpoint
-- Rescoring sets every column; the count moves only when the vendor's key did (an expiry moved within its day moves
-- the vendor out of and back into the same row).
CREATE TRIGGER `rollup_vpd_upd` AFTER UPDATE OF `assessment_id`, `assessment_expires_at`, `tier`, `band`, `likelihood`, `impact`, `vendor_id` ON `vendor_risk`
WHEN (old.`assessment_id` IS NULL) IS NOT (new.`assessment_id` IS NULL) OR old.`assessment_expires_at` IS NOT new.`assessment_expires_at`
  OR old.`tier` IS NOT new.`tier` OR old.`band` IS NOT new.`band` OR old.`likelihood` IS NOT new.`likelihood`
  OR old.`impact` IS NOT new.`impact` OR old.`vendor_id` IS NOT new.`vendor_id` BEGIN
  UPDATE `vendor_position_days` SET `vendors` = `vendors` - 1
    WHERE EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active')
      AND `expires_day` = CASE WHEN old.`assessment_id` IS NULL THEN -1 ELSE coalesce(old.`assessment_expires_at` / 86400000, 2147483647) END
      AND `tier` = old.`tier` AND `band` = coalesce(old.`band`, '') AND `likelihood` = coalesce(old.`likelihood`, 0) AND `impact` = old.`impact`;
  DELETE FROM `vendor_position_days`
    WHERE `expires_day` = CASE WHEN old.`assessment_id` IS NULL THEN -1 ELSE coalesce(old.`assessment_expires_at` / 86400000, 2147483647) END
      AND `tier` = old.`tier` AND `band` = coalesce(old.`band`, '') AND `likelihood` = coalesce(old.`likelihood`, 0) AND `impact` = old.`impact`
      AND `vendors` <= 0;
  INSERT INTO `vendor_position_days` (`expires_day`, `tier`, `band`, `likelihood`, `impact`, `vendors`)
    SELECT CASE WHEN new.`assessment_id` IS NULL THEN -1 ELSE coalesce(new.`assessment_expires_at` / 86400000, 2147483647) END,
           new.`tier`, coalesce(new.`band`, ''), coalesce(new.`likelihood`, 0), new.`impact`, 1
    WHERE EXISTS (SELECT 1 FROM `vendors` WHERE `id` = new.`vendor_id` AND `status` = 'active')
    ON CONFLICT (`expires_day`, `tier`, `band`, `likelihood`, `impact`) DO UPDATE SET `vendors` = `vendors` + 1;
END;
--> statement-breakpoint
-- Also runs in a vendor's cascade, when the vendor is already gone: rollup_vpd_vendor_del has taken it out by then.
CREATE TRIGGER `rollup_vpd_del` AFTER DELETE ON `vendor_risk`
WHEN EXISTS (SELECT 1 FROM `vendors` WHERE `id` = old.`vendor_id` AND `status` = 'active') BEGIN
  UPDATE `vendor_position_days` SET `vendors` = `vendors` - 1
    WHERE `expires_day` = CASE WHEN old.`assessment_id` IS NULL THEN -1 ELSE coalesce(old.`assessment_expires_at` / 86400000, 2147483647) END
      AND `tier` = old.`tier` AND `band` = coalesce(old.`band`, '') AND `likelihood` = coalesce(old.`likelihood`, 0) AND `impact` = old.`impact`;
  DELETE FROM `vendor_position_days` WHERE `vendors` <= 0;
END;
--> statement-breakpoint
-- Archiving a vendor takes its position out of the rollup; restoring puts it back.
CREATE TRIGGER `rollup_vpd_vendor_status` AFTER UPDATE OF `status` ON `vendors`
WHEN (old.`status` = 'active') IS NOT (new.`status` = 'active') BEGIN
  UPDATE `vendor_position_days` SET `vendors` = `vendor_position_days`.`vendors` - 1
    FROM (SELECT CASE WHEN r.`assessment_id` IS NULL THEN -1 ELSE coalesce(r.`assessment_expires_at` / 86400000, 2147483647) END AS `d`,
                 r.`tier` AS `t`, coalesce(r.`band`, '') AS `b`, coalesce(r.`likelihood`, 0) AS `l`, r.`impact` AS `i`
          FROM `vendor_risk` r WHERE r.`vendor_id` = old.`id`) AS x
    WHERE old.`status` = 'active' AND `expires_day` = x.`d` AND `tier` = x.`t` AND `band` = x.`b` AND `likelihood` = x.`l` AND `impact` = x.`i`;
  DELETE FROM `vendor_position_days` WHERE `vendors` <= 0;
  INSERT INTO `vendor_position_days` (`expires_day`, `tier`, `band`, `likelihood`, `impact`, `vendors`)
    SELECT CASE WHEN r.`assessment_id` IS NULL THEN -1 ELSE coalesce(r.`assessment_expires_at` / 86400000, 2147483647) END,
           r.`tier`, coalesce(r.`band`, ''), coalesce(r.`likelihood`, 0), r.`impact`, 1
    FROM `vendor_risk` r WHERE r.`vendor_id` = new.`id` AND new.`status` = 'active'
    ON CONFLICT (`expires_day`, `tier`, `band`, `likelihood`, `impact`) DO UPDATE SET `vendors` = `vendors` + 1;
END;
--> statement-breakpoint
-- A vendor deleted outright (no product path does): it leaves the rollup while it still counts as what it was; the
-- trigger on its cascading position then finds it gone and does nothing.
CREATE TRIGGER `rollup_vpd_vendor_del` BEFORE DELETE ON `vendors` WHEN old.`status` = 'active' BEGIN
  UPDATE `vendor_position_days` SET `vendors` = `vendor_position_days`.`vendors` - 1
    FROM (SELECT CASE WHEN r.`assessment_id` IS NULL THEN -1 ELSE coalesce(r.`assessment_expires_at` / 86400000, 2147483647) END AS `d`,
                 r.`tier` AS `t`, coalesce(r.`band`, '') AS `b`, coalesce(r.`likelihood`, 0) AS `l`, r.`impact` AS `i`
          FROM `vendor_risk` r WHERE r.`vendor_id` = old.`id`) AS x
    WHERE `expires_day` = x.`d` AND `tier` = x.`t` AND `band` = x.`b` AND `likelihood` = x.`l` AND `impact` = x.`i`;
  DELETE FROM `vendor_position_days` WHERE `vendors` <= 0;
END;
