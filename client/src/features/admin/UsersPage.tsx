/** Staff accounts: invite, change roles, deactivate, reset MFA and issue set-password links. */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { Section } from '../../components/Section.tsx';
import { useMe } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { InviteUserForm } from './components/InviteUserForm.tsx';
import { OneTimeLink, type IssuedLink } from './components/OneTimeLink.tsx';
import { UsersTable } from './components/UsersTable.tsx';
import { useUserAdmin } from './hooks/useUserAdmin.ts';

const outbox = (
  <Anchor component={Link} to="/admin/outbox" inherit>
    Outbox
  </Anchor>
);

export function UsersPage() {
  const users = useQuery(trpc.users.list.queryOptions());
  const myId = useMe().data?.user.id ?? null;
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const admin = useUserAdmin({
    done: (message) => {
      setFailure(null);
      setStatus(message);
    },
    failed: (message) => {
      setStatus('');
      setFailure(message);
    },
    linkIssued: (user, { setPasswordUrl, email }) =>
      setIssued({
        title: `New set-password link for ${user.name}`,
        url: setPasswordUrl,
        // Say what really happened to the email: queued for the mail server, or held because there is none.
        note:
          email.status === 'pending' ? (
            <>
              An email with this link is queued for {email.to} and goes out through the mail server shortly (its progress shows in the{' '}
              {outbox}). Any earlier link for {user.name} no longer works.
            </>
          ) : (
            <>
              Not emailed: no mail server is configured, so the email to {email.to} waits in the {outbox}. Pass the link to {user.name}{' '}
              yourself, through a channel you trust. Any earlier link for them no longer works.
            </>
          ),
      }),
  });

  return (
    <Stack gap="md">
      <title>Users · Tollgate</title>
      <Title order={2}>Users</Title>
      {issued ? <OneTimeLink key={issued.url} link={issued} onDismiss={() => setIssued(null)} /> : null}
      <InviteUserForm
        onInvited={({ email, setPasswordUrl }) =>
          setIssued({
            title: `Invitation created for ${email}`,
            url: setPasswordUrl,
            note: <>It was also emailed to {email} (with no mail server configured, it waits in the {outbox}).</>,
          })
        }
      />
      <Section title="People" meta={users.data ? `${users.data.length}` : undefined}>
        <Text role="status" size="sm" fw={600}>
          {status}
        </Text>
        {failure ? (
          <ErrorAlert withCloseButton closeButtonLabel="Dismiss" onClose={() => setFailure(null)}>
            {failure}
          </ErrorAlert>
        ) : null}
        {users.isPending ? (
          <LoadingState label="Loading users" />
        ) : users.isError ? (
          <ErrorState error={users.error} title="The users could not be loaded" onRetry={() => void users.refetch()} />
        ) : (
          <UsersTable users={users.data} admin={admin} myId={myId} />
        )}
      </Section>
    </Stack>
  );
}
