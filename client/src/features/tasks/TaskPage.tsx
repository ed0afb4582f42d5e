/**
 * One remediation task: the control and why it matters, the fix, the SLA
 * due date and owner, what the vendor said and sent, its full history,
 * and the moves this user may make now (the server's lifecycle decides;
 * the page offers only what it allows and shows its refusals verbatim).
 */
import { Alert, Anchor, Button, Group, List, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { JUSTIFICATION_MIN_LENGTH, latestAcceptanceExpiry, NOTE_MAX_LENGTH, type TaskTransitionName } from '#shared/remediation/taskLifecycle.ts';
import { isoDateInDays } from '#shared/dates.ts';
import { TASK_STATUS_LABELS, type TaskStatus } from '#shared/statuses.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { SeverityBadge } from '../../components/RiskBadges.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { SuccessNote } from '../../components/SuccessNote.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { HISTORY_WORDS, MOVE_LABELS } from './taskLabels.ts';

type Task = RouterOutputs['tasks']['detail'];

export function TaskPage() {
  const taskId = Number(useParams().taskId);
  const valid = Number.isSafeInteger(taskId) && taskId > 0;
  const query = useQuery({ ...trpc.tasks.detail.queryOptions({ taskId }), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (query.isPending) return <LoadingState label="Loading the task" />;
  if (query.isError) {
    if ((query.error as { data?: { code?: string } }).data?.code === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorState error={query.error} title="The task could not be loaded" onRetry={() => void query.refetch()} />;
  }
  return <TaskView task={query.data} />;
}

function TaskView({ task }: { task: Task }) {
  return (
    <Stack gap="md" maw={1000}>
      <title>{`Task ${task.id}: ${task.title} · Tollgate`}</title>
      <Anchor component={Link} to={`/tasks?vendor=${task.vendorId}`} size="sm">
        All tasks of {task.vendorName}
      </Anchor>
      <div>
        <Title order={2}>{task.title}</Title>
        <Text c="gray.7" size="sm">
          Task {task.id} · {task.controlId} ·{' '}
          <Anchor component={Link} to={`/vendors/${task.vendorId}`}>
            {task.vendorName}
          </Anchor>
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <FactList
          facts={[
            { label: 'Status', value: <StatusText task={task} /> },
            { label: 'Severity', value: <SeverityBadge severity={task.severity} /> },
            {
              label: 'Due (from the SLA)',
              value: <DueDate date={task.dueDate} overdue={task.overdue} />,
            },
            { label: 'Owner', value: task.owner?.name ?? 'Nobody yet' },
            { label: 'Raised', value: formatDate(task.createdAt) },
            ...(task.verifiedBy ? [{ label: 'Verified by', value: `${task.verifiedBy}, ${formatDate(task.closedAt)}` }] : []),
          ]}
        />
      </Paper>
      {task.acceptance ? (
        // Yellow marks it as a standing exception; the title is black because yellow text on its tint fails contrast.
        <Alert color="yellow" variant="light" title="Risk accepted: the control still counts as failed" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
          <Text size="sm">
            Accepted by {task.acceptance.by ?? 'a removed account'} on {formatDate(task.acceptance.at)}, until {formatDate(task.acceptance.expiresOn)}. On that day the task
            reopens by itself and the owner is told.
          </Text>
          <Text size="sm" mt={4}>
            Justification: {task.acceptance.justification}
          </Text>
        </Alert>
      ) : null}

      <Actions task={task} />

      <Section title="The control">
        <Text size="sm" fw={600}>
          Why it matters
        </Text>
        <Text size="sm">{task.whyItMatters || 'No explanation is recorded for this control.'}</Text>
        <Text size="sm" fw={600}>
          Recommended fix
        </Text>
        <Text size="sm">{task.remediation || 'No fix is recorded for this control.'}</Text>
        {task.reasons.includes('excess_data') ? <Text size="sm">Raised also because the vendor holds data it does not need.</Text> : null}
      </Section>

      <Section title="The vendor’s responses and evidence" meta={task.comments.length ? `${task.comments.length}` : undefined}>
        {task.comments.length === 0 ? (
          <Text size="sm">The vendor has not responded yet. It responds through its questionnaire link.</Text>
        ) : (
          <List spacing="xs" listStyleType="none" p={0}>
            {task.comments.map((c) => (
              <List.Item key={c.id}>
                <Text size="sm" fw={600} span>
                  {c.authorName}
                </Text>{' '}
                <Text size="xs" c="gray.7" span>
                  {formatDateTime(c.createdAt)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {task.evidence.length ? (
          <List size="sm">
            {task.evidence.map((f) => (
              <List.Item key={f.id}>
                <Anchor href={`/api/evidence/${f.id}`}>{f.name}</Anchor> ({Math.max(1, Math.round(f.sizeBytes / 1024))} KB, {formatDate(f.createdAt)})
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="gray.7">
            No evidence files.
          </Text>
        )}
      </Section>

      <Section title="History" meta={task.history.length ? `${task.history.length}` : undefined}>
        {task.history.length === 0 ? (
          <Text size="sm">Nothing has happened to this task since it was raised.</Text>
        ) : (
          <ScrollTable caption="History of the task" minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {task.history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
                  <Table.Td>
                    {h.actorLabel}
                    {h.actorType === 'vendor_link' ? ' (vendor)' : ''}
                  </Table.Td>
                  <Table.Td>{HISTORY_WORDS[h.kind] ?? h.kind}</Table.Td>
                  <Table.Td>{TASK_STATUS_LABELS[h.fromStatus]}</Table.Td>
                  <Table.Td>{TASK_STATUS_LABELS[h.toStatus]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{historyNote(h)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}

function historyNote(h: Task['history'][number]): string {
  const d = (h.details ?? {}) as Record<string, string | null | undefined>;
  const parts = [h.note ?? ''];
  if (h.kind === 'accept_risk') parts.push(`Until ${formatDate(d.expiresOn)}. ${d.justification ?? ''}`);
  if (h.kind === 'assign') parts.push(`From ${d.fromOwner ?? 'nobody'} to ${d.toOwner ?? 'nobody'}.`);
  if (h.kind === 'reopen_on_expiry' || h.kind === 'revoke_acceptance') parts.push(`New due date ${formatDate(d.dueDate)}.`);
  return parts.filter(Boolean).join(' ');
}

function StatusText({ task }: { task: Task }) {
  return (
    <>
      {TASK_STATUS_LABELS[task.status]}
      {task.status === 'ready_for_verification' && task.readyAt ? (
        <Text size="xs" c="gray.7">
          Since {formatDate(task.readyAt)}, by {task.readyBy ?? 'the vendor'}
        </Text>
      ) : null}
    </>
  );
}

/** What each move asks for. */
const NEEDS: Partial<Record<TaskTransitionName, { note: 'required' | 'optional'; noteLabel: string; acceptance?: true }>> = {
  start_work: { note: 'optional', noteLabel: 'Note (optional)' },
  mark_ready: { note: 'required', noteLabel: 'What was done' },
  verify: { note: 'optional', noteLabel: 'What you checked (optional)' },
  send_back: { note: 'required', noteLabel: 'What is still missing (the vendor reads this)' },
  accept_risk: { note: 'optional', noteLabel: 'Note (optional)', acceptance: true },
  revoke_acceptance: { note: 'required', noteLabel: 'Why the acceptance is withdrawn' },
};

function Actions({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<{ name: TaskTransitionName; to: TaskStatus } | null>(null);
  const [note, setNote] = useState('');
  const [justification, setJustification] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [done, setDone] = useState('');
  const move = useMutation(
    trpc.tasks.transition.mutationOptions({
      onSuccess: (result) => {
        setDone(`Done: the task is now ${TASK_STATUS_LABELS[result.status].toLowerCase()}.`);
        setChosen(null);
        setNote('');
        setJustification('');
        setExpiresOn('');
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      },
    }),
  );
  const moves = task.available.filter((m) => MOVE_LABELS[m.name]);
  if (moves.length === 0 && !done) return null;
  const needs = chosen ? NEEDS[chosen.name] : undefined;
  const latest = latestAcceptanceExpiry(new Date(`${task.today}T12:00:00Z`));
  return (
    <Section title="Next step">
      {done ? <SuccessNote onDismiss={() => setDone('')}>{done}</SuccessNote> : null}
      {moves.length ? (
        <Group gap="sm">
          {moves.map((m) => (
            <Button
              key={m.name}
              variant={chosen?.name === m.name ? 'filled' : 'default'}
              aria-pressed={chosen?.name === m.name}
              onClick={() => {
                setDone('');
                move.reset();
                setChosen(m);
              }}
            >
              {MOVE_LABELS[m.name]}
            </Button>
          ))}
        </Group>
      ) : null}
      {chosen && needs ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({
              taskId: task.id,
              to: chosen.to,
              ...(note.trim() ? { note } : {}),
              ...(needs.acceptance ? { justification, expiresOn: expiresOn || undefined } : {}),
            });
          }}
        >
          <Stack gap="sm" maw={640}>
            {needs.acceptance ? (
              <>
                <Textarea
                  label="Justification"
                  description={`Why this risk is acceptable until it expires (at least ${JUSTIFICATION_MIN_LENGTH} characters). The control keeps counting as failed.`}
                  required
                  autosize
                  minRows={3}
                  maxLength={NOTE_MAX_LENGTH}
                  value={justification}
                  onChange={(e) => setJustification(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label="Accepted until"
                  description={`At most 12 months ahead: no later than ${formatDate(latest)}. On this date the task reopens by itself.`}
                  required
                  min={isoDateInDays(new Date(`${task.today}T12:00:00Z`), 1)}
                  max={latest}
                  value={expiresOn}
                  onChange={(e) => setExpiresOn(e.currentTarget.value)}
                />
              </>
            ) : null}
            <Textarea label={needs.noteLabel} required={needs.note === 'required'} autosize minRows={2} maxLength={NOTE_MAX_LENGTH} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            {move.isError ? <ErrorAlert>{errorMessage(move.error)}</ErrorAlert> : null}
            <Group gap="sm">
              <Button type="submit" loading={move.isPending}>
                {MOVE_LABELS[chosen.name]}
              </Button>
              <Button variant="subtle" onClick={() => setChosen(null)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Section>
  );
}
