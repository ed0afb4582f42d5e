/**
 * A failed change to how the person signs in. Changes need a sign-in less
 * than 10 minutes old; when it is older, offer the way to a fresh one.
 */
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { authErrorMessage, SESSION_NOT_FRESH, type AuthError } from '../../../lib/authClient.ts';
import { useSignOut } from '../../../lib/session.ts';

export function AuthErrorAlert({ error }: { error: AuthError }) {
  const signOut = useSignOut();
  const [leaving, setLeaving] = useState(false);
  if (error.code !== SESSION_NOT_FRESH) return <ErrorAlert>{authErrorMessage(error)}</ErrorAlert>;
  return (
    <ErrorAlert title="Sign in again to continue">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{authErrorMessage(error)}</Text>
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          loading={leaving}
          onClick={() => {
            setLeaving(true);
            void signOut('/account/security');
          }}
        >
          Sign in again
        </Button>
      </Stack>
    </ErrorAlert>
  );
}
