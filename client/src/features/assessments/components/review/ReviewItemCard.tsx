/** One control under review: the question, the vendor's answer, comment and evidence, and the reviewer's decision. */
import { Badge, Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { SeverityBadge } from '../../../../components/RiskBadges.tsx';
import { ANSWER_COLORS, ANSWER_LABELS, OUTCOME_LABELS, REVIEW_STATUS_COLORS, REVIEW_STATUS_LABELS } from '../../../../lib/controlLabels.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import type { ReviewItem } from '../../assessmentLabels.ts';
import { EvidenceLinks } from './EvidenceLinks.tsx';
import { ReviewDecision } from './ReviewDecision.tsx';

export function ReviewItemCard({ item, assessmentId, canDecide }: { item: ReviewItem; assessmentId: number; canDecide: boolean }) {
  const { control, answer } = item;
  const titleId = useId();
  const [decided, setDecided] = useState<string | null>(null);
  return (
    <Paper component="article" id={control.id} aria-labelledby={titleId} withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={5} id={titleId}>
            {control.id} {control.title}
          </Title>
          <Group gap={4} wrap="nowrap">
            {control.critical ? (
              <Badge color="red.9" variant="outline" radius="sm">
                Critical control
              </Badge>
            ) : null}
            <SeverityBadge severity={control.severity} />
          </Group>
        </Group>
        <Text size="sm">{control.question}</Text>
        {answer?.value ? (
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Answer:
            </Text>
            <Badge color={ANSWER_COLORS[answer.value]} variant="filled" autoContrast radius="sm">
              {ANSWER_LABELS[answer.value]}
            </Badge>
            <Text size="xs" c="gray.7">
              by {answer.answeredBy ?? 'the vendor'}, {formatDateTime(answer.updatedAt)} · scores as {OUTCOME_LABELS[item.outcome].toLowerCase()}
            </Text>
          </Group>
        ) : (
          <Text size="sm" fw={600}>
            Not answered: it counts as No.
          </Text>
        )}
        {answer?.comment ? <Blockquote p="xs" color="gray" iconSize={0} fz="sm">{answer.comment}</Blockquote> : null}
        <EvidenceLinks files={item.evidence} />
        {answer?.value ? (
          <Group gap="xs">
            <Text size="sm">Review:</Text>
            <Badge color={REVIEW_STATUS_COLORS[answer.reviewStatus]} variant="filled" autoContrast radius="sm">
              {REVIEW_STATUS_LABELS[answer.reviewStatus]}
            </Badge>
            {answer.reviewNote ? <Text size="sm">“{answer.reviewNote}”</Text> : null}
          </Group>
        ) : null}
        {answer?.clarificationResponse ? (
          <Paper bg="orange.0" p="xs" radius="sm">
            <Text size="sm" fw={600}>
              The vendor&apos;s clarification
            </Text>
            <Text size="sm">{answer.clarificationResponse}</Text>
          </Paper>
        ) : answer?.reviewStatus === 'clarification_requested' ? (
          <Text size="sm" c="gray.7">
            Waiting for the vendor to answer the question.
          </Text>
        ) : null}
        {canDecide && answer?.value ? <ReviewDecision assessmentId={assessmentId} controlId={control.id} status={answer.reviewStatus} onDecided={setDecided} /> : null}
        <Text size="sm" c="teal.9" fw={600} role="status">
          {decided}
        </Text>
      </Stack>
    </Paper>
  );
}
