/** The first sign-in step: email and password. */
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { authClient, authErrorMessage, callAuth } from '../../../lib/authClient.ts';

interface PasswordStepProps {
  focusFirst?: boolean;
  onSignedIn: () => Promise<void>;
  /** The account has an authenticator app: the password was right, the code comes next. */
  onSecondFactor: () => void;
}

export function PasswordStep({ focusFirst = false, onSignedIn, onSecondFactor }: PasswordStepProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await callAuth(() => authClient.signIn.email({ email: email.trim(), password }));
    if (result.error) {
      setBusy(false);
      setError(authErrorMessage(result.error));
      return;
    }
    if (result.data && 'twoFactorRedirect' in result.data && result.data.twoFactorRedirect) {
      setBusy(false);
      onSecondFactor();
      return;
    }
    await onSignedIn();
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <TextInput
          label="Email"
          type="email"
          autoFocus={focusFirst}
          autoComplete="username"
          required
          withAsterisk={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <PasswordInput
          label="Password"
          description="Tollgate passwords have at least 12 characters."
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
