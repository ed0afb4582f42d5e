/**
 * Creates the first administrator through the one-time link the server
 * prints while no user exists, and names the organisation vendors will see.
 */
import { Fieldset, TextInput } from '@mantine/core';
import { useState } from 'react';
import { EMPTY_ORGANISATION, OrganisationFields, type OrganisationValues } from '../../components/OrganisationFields.tsx';
import { authFetch } from '../../lib/authClient.ts';
import { PasswordLinkPage } from './components/PasswordLinkPage.tsx';

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
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState<OrganisationValues>(EMPTY_ORGANISATION);

  const send = (token: string, password: string) => {
    const trimmed = { name: organisation.name.trim(), vendorContactName: organisation.vendorContactName.trim(), vendorContactEmail: organisation.vendorContactEmail.trim() };
    return completeSetup({ token, name: name.trim(), email: email.trim(), password, organisation: trimmed });
  };

  return (
    <PasswordLinkPage
      title="Set up Tollgate"
      intro="Create the first administrator account and name your organisation. Administrators invite everyone else, and can change these in Settings."
      incompleteLink="Open the set-up link exactly as the server printed it in its log when it started. If it has expired, restart Tollgate to print a new one."
      formLabel="Create the first administrator"
      passwordLabel="Password"
      before={
        <>
          <TextInput label="Name" autoComplete="name" required withAsterisk={false} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Email" type="email" autoComplete="username" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        </>
      }
      after={
        <Fieldset legend="Your organisation, as vendors will see it" variant="unstyled">
          <OrganisationFields value={organisation} onChange={setOrganisation} />
        </Fieldset>
      }
      submitLabel="Create administrator"
      send={send}
      doneNotice="Your administrator account is ready. Sign in with it: you will then set up multi-factor authentication."
    />
  );
}
