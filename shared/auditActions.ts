/**
 * Every action code the audit trail can record. recordAudit accepts only
 * these, so a new code cannot reach the log without being listed here, and
 * the Audit page's labels (client/src/features/admin/auditLabels.ts) are
 * typed against this list, so it cannot show a code without words for it.
 */
export const AUDIT_ACTIONS = [
  // Sign-in and account security
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.factor.two-factor.verify-totp',
  'auth.factor.two-factor.disable',
  'auth.factor.two-factor.generate-backup-codes',
  'auth.factor.passkey.verify-registration',
  'auth.factor.passkey.delete-passkey',
  'auth.factor.change_refused',
  'auth.totp.failed',
  'auth.recovery_code.failed',
  'auth.sign_out',
  'auth.password.change',
  'auth.set_password_link.use',
  'setup.first_admin',
  // Calls refused by the access rules (403), one by one up to a limit, then counted
  'access.denied',
  'access.denied.counted',
  // Users and settings
  'user.create',
  'user.role.change',
  'user.deactivate',
  'user.reactivate',
  'user.mfa.reset',
  'user.set_password_link.issue',
  'settings.security.update',
  'settings.organisation.update',
  'settings.organisation.seed',
  'outbox.passed_on',
  // The audit trail itself
  'audit.chain.keyed',
  // Vendor inventory
  'vendor.create',
  'vendor.update',
  'vendor.archive',
  'vendor.restore',
  'vendor.tier_override.set',
  'vendor.tier_override.clear',
  'holding.create',
  'holding.update',
  'holding.delete',
  'contact.create',
  'contact.update',
  'contact.delete',
  'sub_processor.create',
  'sub_processor.update',
  'sub_processor.delete',
  'integration.create',
  'integration.update',
  'integration.delete',
  'import.vendors',
  'import.holdings',
  'inventory.export',
  // Assessments and review
  'assessment.start',
  'assessment.sent',
  'assessment.in_review',
  'assessment.cancelled',
  'assessment.reopen',
  'assessment.submit',
  'assessment.complete',
  'answer.save',
  'answer.review.accept',
  'answer.review.reject',
  'answer.review.clarify',
  'answer.review.accept_all',
  'answer.clarification',
  // Questionnaire templates
  'template.import',
  'template.draft',
  'template.publish',
  // Questionnaire links and the vendor's side
  'share_link.create',
  'share_link.revoke',
  'share_link.open',
  'share_link.email_code_verified',
  'share_link.email_code_sent',
  'share_link.email_code_failed',
  'share_link.email_code_locked',
  'share_link.sessions_ended',
  'evidence.upload',
  'evidence.remove',
  'evidence.download',
  'evidence.purge',
  'report.download',
  'task.comment',
  'task.ready',
  // Demo data
  'demo.seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
