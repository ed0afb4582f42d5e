/**
 * The review: every control's answer grouped by domain, with the decision
 * buttons while the assessment is in review, and the result these answers
 * give kept in view beside them. Readable before and after the review too.
 */
import { Grid, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../../components/QueryStates.tsx';
import { Section } from '../../../../components/Section.tsx';
import { trpc } from '../../../../lib/trpc.ts';
import type { AssessmentDetail, ReviewItem } from '../../assessmentLabels.ts';
import { ReviewItemCard } from './ReviewItemCard.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';

type Filter = 'all' | 'pending' | 'failing' | 'clarification';

const FILTERS: Record<Filter, { label: string; keep: (item: ReviewItem) => boolean }> = {
  all: { label: 'All', keep: () => true },
  pending: { label: 'Not reviewed', keep: (i) => Boolean(i.answer?.value) && i.answer?.reviewStatus === 'pending' },
  failing: { label: 'Not met', keep: (i) => !['met', 'not_applicable'].includes(i.outcome) },
  clarification: { label: 'Asked the vendor', keep: (i) => i.answer?.reviewStatus === 'clarification_requested' },
};

export function ReviewSection({ assessment, canManage }: { assessment: AssessmentDetail; canManage: boolean }) {
  const review = useQuery(trpc.assessments.review.queryOptions({ assessmentId: assessment.id }));
  const [filter, setFilter] = useState<Filter>('all');
  const inReview = assessment.status === 'in_review';
  const description = inReview
    ? 'Accept each answer, reject it with a note (it then counts as No), or ask the vendor a question.'
    : assessment.status === 'submitted'
      ? 'Start the review to accept, reject or question the answers.'
      : 'The answers as reviewed.';
  return (
    <Section title="Review" description={description}>
      {review.isPending ? (
        <LoadingState label="Loading the answers" />
      ) : review.isError ? (
        <ErrorState error={review.error} title="The answers could not be loaded" onRetry={() => void review.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <ReviewSummary review={review.data} completed={assessment.status === 'completed'} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="md">
              <SegmentedControl
                aria-label="Show answers"
                data={(Object.keys(FILTERS) as Filter[]).map((f) => ({ value: f, label: `${FILTERS[f].label} (${review.data.items.filter(FILTERS[f].keep).length})` }))}
                value={filter}
                onChange={(value) => setFilter(value as Filter)}
                w="fit-content"
                maw="100%"
              />
              {review.data.domains.map((domain) => {
                const items = review.data.items.filter((i) => i.control.domain === domain.id && FILTERS[filter].keep(i));
                if (items.length === 0) return null;
                return (
                  <Stack key={domain.id} gap="sm">
                    <Title order={4}>{domain.name}</Title>
                    {items.map((item) => (
                      <ReviewItemCard key={item.control.id} item={item} assessmentId={assessment.id} canDecide={canManage && inReview} />
                    ))}
                  </Stack>
                );
              })}
              {review.data.items.filter(FILTERS[filter].keep).length === 0 ? <Text size="sm">No answers match.</Text> : null}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Section>
  );
}
