/** Signing in with a passkey: no password, and it counts as multi-factor. */
import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { authClient, authErrorMessage, callAuth } from '../../../lib/authClient.ts';

export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    const result = await callAuth(() => authClient.signIn.passkey());
    if (result.error) {
      setBusy(false);
      setError(authErrorMessage(result.error));
      return;
    }
    await onSignedIn();
  };

  return (
    <Stack gap="sm">
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Button variant="default" loading={busy} onClick={() => void signIn()}>
        Sign in with a passkey
      </Button>
    </Stack>
  );
}
