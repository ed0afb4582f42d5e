/** The result these answers give if the review were completed now, kept in view while reviewing. */
import { Divider, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';
import { BandBadge, GradeBadge } from '../../../../components/RiskBadges.tsx';
import { REVIEW_STATUS_LABELS } from '../../../../lib/controlLabels.ts';
import { formatScore } from '../../../../lib/format.ts';
import { BAND_LABELS } from '../../../../lib/labels.ts';
import type { Review } from '../../assessmentLabels.ts';

export function ReviewSummary({ review, completed }: { review: Review; completed: boolean }) {
  const p = review.preview;
  const counts = { pending: 0, accepted: 0, rejected: 0, clarification_requested: 0 };
  for (const item of review.items) if (item.answer?.said) counts[item.answer.reviewStatus] += 1;
  const unanswered = review.items.filter((i) => !i.answer?.said).length;
  return (
    <Paper withBorder p="md" radius="md" pos={{ base: 'static', md: 'sticky' }} top={72} component="aside" aria-labelledby="review-summary-title">
      <Stack gap="xs">
        <Title order={4} id="review-summary-title">
          {completed ? 'Result' : 'If completed now'}
        </Title>
        <Group gap="xs">
          <GradeBadge grade={p.grade} />
          <Text fw={700}>{formatScore(p.score)} / 100</Text>
        </Group>
        <Group gap="xs">
          <BandBadge band={p.band} residual={p.residual} />
        </Group>
        <Text size="sm">
          Likelihood {p.likelihood} ({LIKELIHOOD_LABELS[p.likelihood as Level]}) × impact {p.impact} ({IMPACT_LABELS[p.impact as Level]}) = {p.residual}
        </Text>
        <Text size="sm">
          {p.criticalFailures.length ? `Critical controls failing: ${p.criticalFailures.join(', ')}` : 'No critical control fails.'}
        </Text>
        <Text size="sm" fw={600}>
          {p.tasks} remediation {p.tasks === 1 ? 'task' : 'tasks'}
        </Text>
        <Text className={VisuallyHidden.classes.root} role="status" aria-live="polite">
          Now: grade {p.grade}, score {formatScore(p.score)}, {BAND_LABELS[p.band].toLowerCase()} risk, {p.tasks} tasks.
        </Text>
        <Divider />
        <Stack gap={2}>
          {(['pending', 'accepted', 'rejected', 'clarification_requested'] as const).map((s) => (
            <Text size="sm" key={s}>
              {REVIEW_STATUS_LABELS[s]}: {counts[s]}
            </Text>
          ))}
          <Text size="sm">Not answered: {unanswered}</Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
