/**
 * A password-only sign-in on an account that already has a passkey or an
 * authenticator app may not change how the account signs in (the server
 * refuses it): say so before the person tries, and offer the way through,
 * a sign-in with the factor they have.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSignOut } from '../../../lib/session.ts';

/** How to name the factors an account has: what it "has", and what to "sign in with". */
export function factorWords(mfa: { totp: boolean; passkeys: number }): { has: string; use: string } {
  if (mfa.totp && mfa.passkeys) return { has: 'a passkey and an authenticator app', use: 'your passkey or authenticator app' };
  if (mfa.totp) return { has: 'an authenticator app', use: 'your authenticator app' };
  return mfa.passkeys > 1 ? { has: 'passkeys', use: 'one of your passkeys' } : { has: 'a passkey', use: 'your passkey' };
}

export function SignInAgainNotice({ mfa, why }: { mfa: { totp: boolean; passkeys: number }; why?: string }) {
  const signOut = useSignOut();
  const [leaving, setLeaving] = useState(false);
  const factor = factorWords(mfa);
  return (
    <Alert color="blue" variant="light" title={`Sign in with ${factor.use} to change how you sign in`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {why ? `${why} ` : ''}You signed in with your password only. Because your account has {factor.has}, a password alone cannot add,
          change or remove sign-in methods: this keeps someone who learns your password from adding their own. Sign in again with{' '}
          {factor.use}, then come back to this page.
        </Text>
        <Button
          size="xs"
          variant="outline"
          loading={leaving}
          onClick={() => {
            setLeaving(true);
            void signOut('/account/security');
          }}
        >
          Sign in again
        </Button>
      </Stack>
    </Alert>
  );
}
