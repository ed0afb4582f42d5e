/**
 * "Needs my attention": what waits on the signed-in person, most urgent
 * first, grouped by kind. The server decides what is whose
 * (shared/remediation/attention.ts); this page only shows it.
 */
import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ATTENTION_LABELS, type AttentionKind } from '#shared/remediation/attention.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatExact, pluralise } from '../../lib/format.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { relativeDays } from './attentionLabels.ts';

type Item = RouterOutputs['reminders']['attention']['items'][number];

const WHY: Record<AttentionKind, string> = {
  task_to_verify: 'The vendor or the owner says these fixes are done. Check the evidence and verify, or send the task back with a note.',
  answers_to_review: 'The vendor submitted, or replied to a question: its answers wait for your review.',
  risk_expiring: 'Risks you accepted that end within 14 days. On the end date the task reopens with a new due date.',
  questionnaire_overdue: 'Questionnaires past their due date that the vendor has not submitted.',
  reassessment_overdue: 'Vendors whose last assessment no longer counts: they show as not assessed until re-assessed.',
  task_overdue: 'Remediation tasks past their due date that you own, or that no one who could act on them owns.',
};

/** Where the person acts on the item. Tasks open on the assessment that raised them, which lists its tasks. */
function target(item: Item): { to: string; label: string } {
  if (item.kind === 'reassessment_overdue') return { to: `/vendors/${item.vendorId}`, label: `Open ${item.vendorName}` };
  if (item.taskId !== null) return { to: `/tasks/${item.taskId}`, label: `${item.controlId ?? 'Task'} ${item.controlTitle ?? ''}`.trim() };
  return { to: `/assessments/${item.assessmentId}`, label: `Open the assessment of ${item.vendorName}` };
}

function dateLine(item: Item): string {
  if (!item.date) return '';
  const what = item.kind === 'risk_expiring' ? 'Ends' : item.kind === 'reassessment_overdue' ? 'Was due' : 'Due';
  return `${what} ${formatDate(item.date)} (${relativeDays(item.daysLeft)})`;
}

export function AttentionPage() {
  const query = useQuery(trpc.reminders.attention.queryOptions());
  return (
    <Stack gap="md" maw={900}>
      <title>Needs my attention · Tollgate</title>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Needs my attention</Title>
        <Text c="gray.7" role="status">
          {query.data ? pluralise(query.data.total, 'item') : ''}
        </Text>
      </Group>
      {query.isPending ? (
        <LoadingState label="Loading what needs your attention" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="Your list could not be loaded" onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <EmptyState title="Nothing needs your attention">Tasks to verify, answers to review, risks you accepted that are ending and overdue work you answer for will appear here.</EmptyState>
      ) : (
        query.data.kinds
          .filter((kind) => query.data.counts[kind] > 0)
          .map((kind) => <AttentionSection key={kind} kind={kind} count={query.data.counts[kind]} items={query.data.items.filter((i) => i.kind === kind)} />)
      )}
    </Stack>
  );
}

/** A long list shows its most urgent items first, and the rest on request. */
const FIRST_SHOWN = 10;

/** Where every item of a kind is listed, when the server sends only the most urgent. */
const WHOLE_LIST: Partial<Record<AttentionKind, { to: string; label: string }>> = {
  task_overdue: { to: '/tasks?overdue=1', label: 'See every overdue task' },
  reassessment_overdue: { to: '/reassessments', label: 'See every re-assessment due' },
};

function AttentionSection({ kind, count, items }: { kind: AttentionKind; count: number; items: Item[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  return (
    <Section title={ATTENTION_LABELS[kind]} meta={`(${count})`} description={WHY[kind]}>
      <List listStyleType="none" spacing="xs" m={0} p={0}>
        {shown.map((item) => {
          const link = target(item);
          const late = item.daysLeft !== null && item.daysLeft < 0;
          return (
            <List.Item key={item.key}>
              <Group gap="xs" wrap="wrap" align="baseline">
                <Anchor component={Link} to={link.to} fw={600}>
                  {link.label}
                </Anchor>
                {item.kind !== 'reassessment_overdue' ? <Text size="sm">{item.vendorName}</Text> : null}
                {item.count !== null ? <Badge color="blue.9">{pluralise(item.count, 'answer')}</Badge> : null}
                <Text size="sm" c={late ? 'red.9' : 'gray.7'} fw={late ? 700 : undefined}>
                  {dateLine(item)}
                </Text>
              </Group>
            </List.Item>
          );
        })}
      </List>
      {items.length > FIRST_SHOWN ? (
        <Button variant="default" size="compact-sm" w="fit-content" onClick={() => setAll((v) => !v)}>
          {all ? `Show the first ${FIRST_SHOWN} only` : items.length < count ? `Show the ${items.length} most urgent` : `Show all ${items.length}`}
        </Button>
      ) : null}
      {items.length < count ? (
        <Text size="sm" c="gray.7">
          {`This list holds the ${items.length} most urgent of ${formatExact(count)}.`}{' '}
          {WHOLE_LIST[kind] ? (
            <Anchor component={Link} to={WHOLE_LIST[kind].to}>
              {WHOLE_LIST[kind].label}
            </Anchor>
          ) : null}
        </Text>
      ) : null}
    </Section>
  );
}
