/** Staff accounts: invite, change roles, deactivate, reset MFA and issue set-password links. */
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { EmailDeliveryNote } from '../../components/EmailDelivery.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OneTimeLink } from '../../components/OneTimeLink.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { Section } from '../../components/Section.tsx';
import { useMe } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { InviteUserForm } from './components/InviteUserForm.tsx';
import { UsersTable } from './components/UsersTable.tsx';
import { useUserAdmin } from './hooks/useUserAdmin.ts';

/** A set-password link just issued, shown once to the administrator who asked for it. */
interface IssuedLink {
  title: string;
  url: string;
  /** Whether the link was also sent by email, or must be passed on by hand. */
  note: ReactNode;
}

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
        note: (
          <>
            <EmailDeliveryNote deliveries={[email]} what="The link" otherwise={`Pass the link to ${user.name} yourself, through a channel you trust.`} /> Any earlier link for{' '}
            {user.name} no longer works.
          </>
        ),
      }),
  });

  return (
    <Stack gap="md">
      <title>Users · Tollgate</title>
      <Title order={2}>Users</Title>
      {issued ? (
        <OneTimeLink
          key={issued.url}
          heading={issued.title}
          headingOrder={3}
          label="Set-password link"
          url={issued.url}
          warning="The link works once, for 24 hours. It is shown only now: copy it before you leave this page."
          onDismiss={() => setIssued(null)}
        >
          {issued.note}
        </OneTimeLink>
      ) : null}
      <InviteUserForm
        onInvited={({ email, setPasswordUrl, delivery }) =>
          setIssued({
            title: `Invitation created for ${email}`,
            url: setPasswordUrl,
            note: <EmailDeliveryNote deliveries={[delivery]} what="The invitation" otherwise="Pass them the link above yourself, through a channel you trust." />,
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
