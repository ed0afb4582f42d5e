/**
 * Creates the first administrator through the one-time link the server
 * prints while no user exists, and names the organisation vendors will see.
 */
import { Button, Fieldset, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EMPTY_ORGANISATION, OrganisationFields, type OrganisationValues } from '../../components/OrganisationFields.tsx';
import { authFetch } from '../../lib/authClient.ts';
import { NewPasswordFields, newPasswordProblems, type NewPassword } from './components/NewPasswordFields.tsx';
import { useOneTimeToken } from './hooks/useOneTimeToken.ts';

interface SetupBody {
  token: string;
  name: string;
  email: string;
  password: string;
  organisation: OrganisationValues;
}

async function completeSetup(body: SetupBody): Promise<string | null> {
  try {
    const response = await authFetch('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    return answer.error ?? answer.message ?? 'Tollgate could not be set up. Please try again.';
  } catch {
    return 'The server could not be reached. Check your connection and try again.';
  }
}

export function SetupPage() {
  const token = useOneTimeToken();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', confirm: '' });
  const [organisation, setOrganisation] = useState<OrganisationValues>(EMPTY_ORGANISATION);
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
    const trimmed = { name: organisation.name.trim(), vendorContactName: organisation.vendorContactName.trim(), vendorContactEmail: organisation.vendorContactEmail.trim() };
    const problem = await completeSetup({ token, name: name.trim(), email: email.trim(), password: password.password, organisation: trimmed });
    setBusy(false);
    if (problem) {
      setError(problem);
      return;
    }
    await navigate('/sign-in', {
      replace: true,
      state: { notice: 'Your administrator account is ready. Sign in with it: you will then set up multi-factor authentication.' },
    });
  };

  return (
    <Stack gap="md">
      <title>Set up Tollgate · Tollgate</title>
      <Title order={2}>Set up Tollgate</Title>
      {token ? (
        <Text>Create the first administrator account and name your organisation. Administrators invite everyone else, and can change these in Settings.</Text>
      ) : (
        <ErrorAlert title="This link is incomplete">
          Open the set-up link exactly as the server printed it in its log when it started. If it has expired, restart Tollgate to print a new one.
        </ErrorAlert>
      )}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <form onSubmit={(event) => void submit(event)} aria-label="Create the first administrator">
        <Stack gap="sm">
          <TextInput label="Name" autoComplete="name" required withAsterisk={false} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Email" type="email" autoComplete="username" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <NewPasswordFields label="Password" value={password} onChange={setPassword} problems={problems} />
          <Fieldset legend="Your organisation, as vendors will see it" variant="unstyled">
            <OrganisationFields value={organisation} onChange={setOrganisation} />
          </Fieldset>
          <Button type="submit" loading={busy} disabled={!token} w="fit-content">
            Create administrator
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
