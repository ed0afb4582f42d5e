DROP INDEX `vendor_risk_residual_idx`;--> statement-breakpoint
CREATE INDEX `vendor_risk_rank_assessed_idx` ON `vendor_risk` (`residual`,`impact`,`assessment_expires_at`,`assessment_id`,`tier`);--> statement-breakpoint
CREATE INDEX `vendor_risk_rank_unassessed_idx` ON `vendor_risk` (`inherent_residual`,`impact`,`assessment_expires_at`,`assessment_id`,`tier`);--> statement-breakpoint
CREATE INDEX `vendor_risk_impact_idx` ON `vendor_risk` (`impact`,`assessment_expires_at`,`assessment_id`,`tier`);