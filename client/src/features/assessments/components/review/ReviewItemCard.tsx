/**
 * One control under review: the question; the vendor's answer, comment
 * and evidence with the answer's own author and time; the review decision
 * with its own reviewer and time; the conversation with the vendor beside
 * it; and the decision buttons.
 */
import { Badge, Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { SeverityBadge } from '../../../../components/RiskBadges.tsx';
import { ANSWER_COLORS, ANSWER_LABELS, conditionInWords, OUTCOME_LABELS, REVIEW_STATUS_COLORS, REVIEW_STATUS_LABELS } from '../../../../lib/controlLabels.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import type { ReviewItem } from '../../assessmentLabels.ts';
import { EvidenceLinks } from './EvidenceLinks.tsx';
import { ReviewDecision } from './ReviewDecision.tsx';

type Message = ReviewItem['thread'][number];

const SAID: Record<Message['kind'], string> = {
  question: 'asked',
  rejection: 'rejected the answer',
  acceptance: 'accepted the answer',
  reply: 'replied',
};


export function ReviewItemCard({ item, assessmentId, canDecide, conditionSource }: { item: ReviewItem; assessmentId: number; canDecide: boolean; conditionSource?: ReviewItem['control'] }) {
  const { control, answer } = item;
  const titleId = useId();
  const [decided, setDecided] = useState<string | null>(null);
  return (
    // Focusable, so the review page's J and K keys can move from answer to answer.
    <Paper component="article" id={control.id} aria-labelledby={titleId} withBorder p="md" radius="md" tabIndex={-1} data-review-card className="review-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={5} id={titleId}>
            {control.type === 'control' ? `${control.id} ` : ''}
            {control.title}
          </Title>
          <Group gap={4} wrap="nowrap">
            {control.critical ? (
              <Badge color="red.9" variant="outline" radius="sm">
                Critical control
              </Badge>
            ) : null}
            {control.scored ? <SeverityBadge severity={control.severity} /> : null}
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {control.question}
        </Text>
        {control.condition ? (
          <Text size="xs" c="gray.7">
            Asked only when {conditionInWords(control.condition, conditionSource)}.
            {item.outcome === 'hidden' ? ' It is not asked: any answer given earlier is kept and ignored.' : ''}
          </Text>
        ) : null}
        {control.required ? null : (
          <Text size="xs" c="gray.7">
            Optional for the vendor.
          </Text>
        )}
        {answer?.said ? (
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Answer:
            </Text>
            {answer.value ? (
              <Badge color={ANSWER_COLORS[answer.value]} variant="filled" autoContrast radius="sm">
                {ANSWER_LABELS[answer.value]}
              </Badge>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {answer.said}
              </Text>
            )}
            <Text size="xs" c="gray.7">
              by {answer.answeredBy ?? 'the vendor'}
              {answer.answeredAt ? `, ${formatDateTime(answer.answeredAt)}` : ''} · scores as {OUTCOME_LABELS[item.outcome].toLowerCase()}
            </Text>
          </Group>
        ) : (
          <Text size="sm" fw={600}>
            {item.outcome === 'hidden' ? 'Not asked: its condition is not met.' : control.scored ? 'Not answered: it counts as No.' : 'Not answered (not scored).'}
          </Text>
        )}
        {answer?.comment ? <Blockquote p="xs" color="gray" iconSize={0} fz="sm">{answer.comment}</Blockquote> : null}
        <SinceLastTime item={item} />
        <EvidenceLinks files={item.evidence} />
        {answer?.said ? (
          <Group gap="xs">
            <Text size="sm">Review:</Text>
            <Badge color={REVIEW_STATUS_COLORS[answer.reviewStatus]} variant="filled" autoContrast radius="sm">
              {REVIEW_STATUS_LABELS[answer.reviewStatus]}
            </Badge>
            {answer.reviewStatus !== 'pending' && answer.reviewedAt ? (
              <Text size="xs" c="gray.7">
                {answer.reviewerName ? `by ${answer.reviewerName}, ` : ''}
                {formatDateTime(answer.reviewedAt)}
              </Text>
            ) : null}
            {item.waitingFor === 'reviewer' ? (
              <Badge color="indigo.8" variant="filled" radius="sm">
                Vendor replied
              </Badge>
            ) : item.waitingFor === 'vendor' ? (
              <Text size="xs" c="gray.7">
                Waiting for the vendor&apos;s reply.
              </Text>
            ) : null}
          </Group>
        ) : null}
        {item.thread.length ? <Thread controlId={control.id} messages={item.thread} /> : null}
        {canDecide && answer?.said ? <ReviewDecision assessmentId={assessmentId} controlId={control.id} status={answer.reviewStatus} asked={item.thread.some((m) => m.kind === 'question')} onDecided={setDecided} /> : null}
        <Text size="sm" c="teal.9" fw={600} role="status">
          {decided}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Every message of the answer's conversation, oldest first, with author and time. */
function Thread({ controlId, messages }: { controlId: string; messages: readonly Message[] }) {
  const headingId = useId();
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId}>
        Conversation with the vendor on {controlId}
      </Text>
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {messages.map((message) => (
          <Paper key={message.id} component="li" withBorder radius="sm" p="xs" bg={message.authorType === 'vendor' ? 'indigo.0' : 'gray.0'} ml={message.authorType === 'vendor' ? 'lg' : 0}>
            <Text size="xs" c="gray.8">
              <Text span fw={700} inherit>
                {message.authorName}
              </Text>{' '}
              ({message.authorType === 'vendor' ? 'vendor' : 'reviewer'}) {SAID[message.kind]} · {formatDateTime(message.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </Text>
            {message.evidence.length ? <EvidenceLinks files={message.evidence} title="Sent with this reply" /> : null}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** For a re-assessment: whether the vendor kept last time's answer, changed it (and from what), or answered anew. */
function SinceLastTime({ item }: { item: ReviewItem }) {
  const { change, answer, previous } = item;
  if (!change) return null;
  if (change === 'changed') {
    return (
      <Stack gap={4}>
        <Group gap="xs">
          <Badge color="#8a3300" variant="filled" radius="sm">
            Changed since last time
          </Badge>
          <Text size="xs" c="gray.8">
            Last time: {previous?.value ? ANSWER_LABELS[previous.value] : 'not answered'}
          </Text>
        </Group>
        {previous?.comment ? (
          <Text size="xs" c="gray.8">
            Last time&apos;s comment: {previous.comment}
          </Text>
        ) : null}
      </Stack>
    );
  }
  const text: Record<Exclude<typeof change, 'changed'>, string> = {
    unchanged: answer?.carriedOver && answer.confirmedAt ? `Carried over unchanged, confirmed by the vendor ${formatDateTime(answer.confirmedAt)}` : 'Same answer as last time',
    unconfirmed: 'Carried over from last time, not yet confirmed by the vendor',
    new: 'New since last time',
  };
  return (
    <Text size="xs" c="gray.8" fw={600}>
      {text[change]}
    </Text>
  );
}
