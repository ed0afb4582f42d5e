/** Sets a password through a one-time link from an invitation or an administrator. */
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { authClient, authErrorMessage, callAuth } from '../../lib/authClient.ts';
import { PasswordLinkPage } from './components/PasswordLinkPage.tsx';

async function resetPassword(token: string, newPassword: string): Promise<string | null> {
  const result = await callAuth(() => authClient.resetPassword({ newPassword, token }));
  return result.error ? authErrorMessage(result.error) : null;
}

export function SetPasswordPage() {
  return (
    <PasswordLinkPage
      title="Set your password"
      intro="Choose the password you will sign in to Tollgate with. This link works once."
      incompleteLink="Open the link from your invitation email exactly as it was sent. If it has expired, ask your administrator for a new set-password link."
      formLabel="Set your password"
      submitLabel="Set password"
      send={resetPassword}
      doneNotice="Your password is set. Sign in with it now."
    >
      <Anchor component={Link} to="/sign-in" size="sm" w="fit-content">
        Back to sign in
      </Anchor>
    </PasswordLinkPage>
  );
}
