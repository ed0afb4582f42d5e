/**
 * Every email Tollgate wrote: invitations, notices of sign-in changes and
 * MFA resets. With no mail server configured they are held here, for an
 * administrator to pass on.
 */
import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';

type Email = RouterOutputs['outbox']['list'][number];

/** Dot badges: the words carry the meaning, and dark text keeps its contrast whatever the colour. */
const STATUS: Record<Email['status'], { label: string; color: string }> = {
  held: { label: 'Held (no mail server)', color: 'grape.7' },
  pending: { label: 'Waiting to send', color: 'blue.7' },
  sent: { label: 'Sent', color: 'green.7' },
  failed: { label: 'Failed', color: 'red.8' },
};

export function OutboxPage() {
  const emails = useQuery(trpc.outbox.list.queryOptions());
  return (
    <Stack gap="md">
      <title>Outbox · Tollgate</title>
      <Title order={2}>Outbox</Title>
      <Text size="sm" maw={720}>
        The latest 200 emails Tollgate wrote. Without a mail server (SMTP_URL) nothing is sent: messages are held here so you can pass
        them on yourself. They can contain set-password links, so treat this page as confidential.
      </Text>
      {emails.isPending ? (
        <LoadingState label="Loading the outbox" />
      ) : emails.isError ? (
        <ErrorState error={emails.error} title="The outbox could not be loaded" onRetry={() => void emails.refetch()} />
      ) : emails.data.length === 0 ? (
        <EmptyState title="No emails yet">Invitations and notices about sign-in changes appear here.</EmptyState>
      ) : (
        <ScrollTable caption="Emails" minWidth={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>To</Table.Th>
              <Table.Th>Subject and message</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {emails.data.map((email) => (
              <EmailRow key={email.id} email={email} />
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

function EmailRow({ email }: { email: Email }) {
  const status = STATUS[email.status];
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm">{email.to}</Text>
      </Table.Td>
      <Table.Td>
        <details>
          <summary>
            <Text component="span" size="sm" fw={600}>
              {email.subject}
            </Text>
          </summary>
          <Code block fz="xs" mt={4} maw={560} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {email.text}
          </Code>
        </details>
      </Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="dot" c="gray.9">
          {status.label}
        </Badge>
        {email.lastError ? (
          <Text size="xs" c="red.9" mt={4}>
            {email.attempts} attempts; last error: {email.lastError}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(email.createdAt)}</Text>
        {email.sentAt ? (
          <Text size="xs" c="dimmed">
            sent {formatDateTime(email.sentAt)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
