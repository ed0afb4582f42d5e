/**
 * A page reached through a one-time link whose form ends in a new password:
 * an invitation or set-password link, and the first set-up. The token is
 * taken off the address at once, the password rule is checked before
 * anything is sent, and once done the person goes to sign in with a note.
 */
import { Button, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useOneTimeToken } from '../hooks/useOneTimeToken.ts';
import { NewPasswordFields, newPasswordProblems, type NewPassword } from './NewPasswordFields.tsx';

interface PasswordLinkPageProps {
  /** The page's heading, and its title in the browser. */
  title: string;
  intro: ReactNode;
  /** What to do when the address carries no token. */
  incompleteLink: ReactNode;
  /** The form's accessible name. */
  formLabel: string;
  passwordLabel?: string;
  /** Fields the form asks before the password, and after it. */
  before?: ReactNode;
  after?: ReactNode;
  submitLabel: string;
  /** Sends the token and the new password; resolves to the problem to show, or null when done. */
  send: (token: string, password: string) => Promise<string | null>;
  /** What the sign-in page then says. */
  doneNotice: string;
  children?: ReactNode;
}

export function PasswordLinkPage({ title, intro, incompleteLink, formLabel, passwordLabel, before, after, submitLabel, send, doneNotice, children }: PasswordLinkPageProps) {
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
    const problem = await send(token, password.password);
    setBusy(false);
    if (problem) {
      setError(problem);
      return;
    }
    await navigate('/sign-in', { replace: true, state: { notice: doneNotice } });
  };

  return (
    <Stack gap="md">
      <title>{`${title} · Tollgate`}</title>
      <Title order={2}>{title}</Title>
      {token ? <Text>{intro}</Text> : <ErrorAlert title="This link is incomplete">{incompleteLink}</ErrorAlert>}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <form onSubmit={(event) => void submit(event)} aria-label={formLabel}>
        <Stack gap="sm">
          {before}
          <NewPasswordFields label={passwordLabel} value={password} onChange={setPassword} problems={problems} />
          {after}
          <Button type="submit" loading={busy} disabled={!token} w="fit-content">
            {submitLabel}
          </Button>
        </Stack>
      </form>
      {children}
    </Stack>
  );
}
