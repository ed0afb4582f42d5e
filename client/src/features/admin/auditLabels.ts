/** Plain words for the audit trail's action codes; unknown codes show as they are. */
const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.factor.two-factor.verify-totp': 'Added an authenticator app',
  'auth.factor.two-factor.disable': 'Removed the authenticator app',
  'auth.factor.two-factor.generate-backup-codes': 'Created new recovery codes',
  'auth.factor.passkey.verify-registration': 'Added a passkey',
  'auth.factor.passkey.delete-passkey': 'Removed a passkey',
  'setup.first_admin': 'Created the first administrator',
  'user.create': 'Invited a user',
  'user.role.change': 'Changed a role',
  'user.deactivate': 'Deactivated a user',
  'user.reactivate': 'Reactivated a user',
  'user.mfa.reset': 'Reset MFA',
  'settings.security.update': 'Changed security settings',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
