/** Sets a password through a one-time link from an invitation or an administrator. */
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { authClient, authErrorMessage, callAuth } from '../../lib/authClient.ts';
import { NewPasswordFields, newPasswordProblems, type NewPassword } from './components/NewPasswordFields.tsx';
import { useOneTimeToken } from './hooks/useOneTimeToken.ts';

export function SetPasswordPage() {
  const token = useOneTimeToken();
  const navigate = useNavigate();
  const [password, setPassword] = useState<NewPassword>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = tried ? newPasswordProblems(password) : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!token || Object.keys(newPasswordProblems(password)).length > 0) return;
    setBusy(true);
    setError(null);
    const result = await callAuth(() => authClient.resetPassword({ newPassword: password.password, token }));
    setBusy(false);
    if (result.error) {
      setError(authErrorMessage(result.error));
      return;
    }
    await navigate('/sign-in', { replace: true, state: { notice: 'Your password is set. Sign in with it now.' } });
  };

  return (
    <Stack gap="md">
      <title>Set your password · Tollgate</title>
      <Title order={2}>Set your password</Title>
      {token ? (
        <Text>Choose the password you will sign in to Tollgate with. This link works once.</Text>
      ) : (
        <ErrorAlert title="This link is incomplete">
          Open the link from your invitation email exactly as it was sent. If it has expired, ask your administrator for a new set-password link.
        </ErrorAlert>
      )}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <form onSubmit={(event) => void submit(event)} aria-label="Set your password">
        <Stack gap="sm">
          <NewPasswordFields value={password} onChange={setPassword} problems={problems} />
          <Button type="submit" loading={busy} disabled={!token} w="fit-content">
            Set password
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/sign-in" size="sm" w="fit-content">
        Back to sign in
      </Anchor>
    </Stack>
  );
}
