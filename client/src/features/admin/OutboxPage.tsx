/**
 * Every email Tollgate wrote: invitations, questionnaire links, codes, and
 * notices of sign-in changes. With no mail server configured they are held
 * here, for an administrator to pass on. A text can hold a link or a code,
 * so it is shown only until it is delivered (or for 7 days at most).
 */
import { Badge, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';

type Email = RouterOutputs['outbox']['list'][number];

/** Dot badges: the words carry the meaning, and dark text keeps its contrast whatever the colour. */
const STATUS: Record<Email['status'], { label: string; color: string }> = {
  held: { label: 'Held (no mail server)', color: 'grape.7' },
  pending: { label: 'Waiting to send', color: 'blue.7' },
  sent: { label: 'Sent', color: 'green.7' },
  passed_on: { label: 'Passed on by an admin', color: 'teal.7' },
  failed: { label: 'Failed', color: 'red.8' },
};

/** Why a text is no longer shown. */
function removedNote(email: Email): string {
  if (email.status === 'sent') return 'Text removed once sent.';
  if (email.status === 'passed_on') return 'Text removed once passed on.';
  return 'Text removed after 7 days.';
}

export function OutboxPage() {
  const emails = useQuery(trpc.outbox.list.queryOptions());
  return (
    <Stack gap="md">
      <title>Outbox · Tollgate</title>
      <Title order={2}>Outbox</Title>
      <Text size="sm" maw={720}>
        The latest 200 emails Tollgate wrote. Without a mail server (SMTP_URL) nothing is sent: messages are held here so you can pass
        them on yourself. Their texts can hold set-password links, questionnaire links and codes, so a text is shown only until the
        message is sent, or you mark it as passed on, and for 7 days at most; after that only who it went to and its subject are kept.
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
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const passedOn = useMutation(
    trpc.outbox.markPassedOn.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.outbox.list.queryKey() });
      },
    }),
  );
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm">{email.to}</Text>
      </Table.Td>
      <Table.Td>
        {email.text === null ? (
          <>
            <Text size="sm" fw={600}>
              {email.subject}
            </Text>
            <Text size="xs" c="gray.7">
              {removedNote(email)}
            </Text>
          </>
        ) : (
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
        )}
        {email.text !== null && email.textReadableUntil && (email.status === 'held' || email.status === 'failed') ? (
          <Stack gap={4} mt={6} align="flex-start">
            <Text size="xs" c="gray.7">
              Text shown until {formatDateTime(email.textReadableUntil)}.
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(true)}>
              Mark as passed on
            </Button>
          </Stack>
        ) : null}
        {confirming ? (
          <ConfirmDialog
            title="Mark as passed on?"
            confirmLabel="Mark as passed on"
            busy={passedOn.isPending}
            error={passedOn.isError ? errorMessage(passedOn.error) : null}
            onClose={() => {
              setConfirming(false);
              passedOn.reset();
            }}
            onConfirm={() => passedOn.mutate({ id: email.id })}
          >
            {`Do this once you have given this message to ${email.to} yourself. Tollgate then removes its text, which may hold a link or a code, and keeps only who it went to and its subject.`}
          </ConfirmDialog>
        ) : null}
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
            {email.status === 'passed_on' ? 'passed on' : 'sent'} {formatDateTime(email.sentAt)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
