CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vendor_risk_expires_idx` ON `vendor_risk` (`assessment_expires_at`);--> statement-breakpoint
-- Hand-added after drizzle-kit's statements: the dashboard's data version row, and the triggers that
-- bump it on every write to a table the dashboard reads (assessments: only the columns it reads).
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `data_version_vendors_ins` AFTER INSERT ON `vendors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_vendors_upd` AFTER UPDATE ON `vendors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_vendors_del` AFTER DELETE ON `vendors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_vendor_risk_ins` AFTER INSERT ON `vendor_risk` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_vendor_risk_upd` AFTER UPDATE ON `vendor_risk` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_vendor_risk_del` AFTER DELETE ON `vendor_risk` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_data_holdings_ins` AFTER INSERT ON `data_holdings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_data_holdings_upd` AFTER UPDATE ON `data_holdings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_data_holdings_del` AFTER DELETE ON `data_holdings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_remediation_tasks_ins` AFTER INSERT ON `remediation_tasks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_remediation_tasks_upd` AFTER UPDATE ON `remediation_tasks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_remediation_tasks_del` AFTER DELETE ON `remediation_tasks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_sub_processors_ins` AFTER INSERT ON `sub_processors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_sub_processors_upd` AFTER UPDATE ON `sub_processors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_sub_processors_del` AFTER DELETE ON `sub_processors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_risk_snapshots_ins` AFTER INSERT ON `risk_snapshots` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_risk_snapshots_upd` AFTER UPDATE ON `risk_snapshots` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_risk_snapshots_del` AFTER DELETE ON `risk_snapshots` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_assessments_ins` AFTER INSERT ON `assessments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_assessments_upd` AFTER UPDATE OF `status`, `due_date`, `vendor_id` ON `assessments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_assessments_del` AFTER DELETE ON `assessments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
