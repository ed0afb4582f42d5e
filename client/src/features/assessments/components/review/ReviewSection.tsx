/**
 * The review: every control's answer grouped by domain, with the decision
 * buttons while the assessment is in review, and the result these answers
 * give kept in view beside them. Readable before and after the review too.
 * The remaining answers can be accepted together, and the keyboard moves
 * from answer to answer (J, K and N, only while the focus is in the list).
 */
import { Grid, Kbd, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { ErrorState, LoadingState } from '../../../../components/QueryStates.tsx';
import { Section } from '../../../../components/Section.tsx';
import { trpc } from '../../../../lib/trpc.ts';
import type { AssessmentDetail, ReviewItem } from '../../assessmentLabels.ts';
import { AcceptRemaining } from './AcceptRemaining.tsx';
import { ReviewItemCard } from './ReviewItemCard.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';
import './review.css';

type Filter = 'all' | 'pending' | 'failing' | 'clarification' | 'replied' | 'changed';

/** An answer nobody has decided on, or one whose vendor reply waits for a decision. */
const toDecide = (i: ReviewItem) => (Boolean(i.answer?.said) && i.answer?.reviewStatus === 'pending') || i.waitingFor === 'reviewer';

const FILTERS: Record<Filter, { label: string; keep: (item: ReviewItem) => boolean }> = {
  all: { label: 'All', keep: () => true },
  pending: { label: 'Not reviewed', keep: (i) => Boolean(i.answer?.said) && i.answer?.reviewStatus === 'pending' },
  failing: { label: 'Not met', keep: (i) => !['met', 'not_applicable'].includes(i.outcome) },
  clarification: { label: 'Asked the vendor', keep: (i) => i.answer?.reviewStatus === 'clarification_requested' },
  replied: { label: 'Vendor replied', keep: (i) => i.waitingFor === 'reviewer' },
  changed: { label: 'Changed', keep: (i) => i.change === 'changed' },
};

/** Typing in a field, or choosing in a group of options, keeps its keys. */
const typingIn = (target: HTMLElement) => Boolean(target.closest('input, textarea, select, [contenteditable="true"], [role="radiogroup"], [role="listbox"]'));

/** J next answer, K previous, N next answer still to decide; a card takes the focus and comes into view. */
function moveBetweenAnswers(event: KeyboardEvent<HTMLElement>, items: readonly ReviewItem[]) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const key = event.key.toLowerCase();
  if (key !== 'j' && key !== 'k' && key !== 'n') return;
  const target = event.target as HTMLElement;
  if (typingIn(target)) return;
  const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-review-card]')];
  if (cards.length === 0) return;
  const current = cards.findIndex((card) => card.contains(target));
  let next: number;
  if (key === 'j') next = Math.min(current + 1, cards.length - 1);
  else if (key === 'k') next = current === -1 ? 0 : Math.max(current - 1, 0);
  else {
    const open = new Set(items.filter(toDecide).map((i) => i.control.id));
    next = cards.findIndex((card, index) => index > current && open.has(card.id));
    if (next === -1) return;
  }
  event.preventDefault();
  const card = cards[next]!;
  card.focus({ preventScroll: true });
  card.scrollIntoView({ block: 'nearest' });
}

export function ReviewSection({ assessment, canManage }: { assessment: AssessmentDetail; canManage: boolean }) {
  const review = useQuery(trpc.assessments.review.queryOptions({ assessmentId: assessment.id }));
  const [filter, setFilter] = useState<Filter>('all');
  const inReview = assessment.status === 'in_review';
  const description = inReview
    ? 'Accept each answer, reject it with a note (it then counts as No), or ask the vendor a question: the vendor reads your notes and questions on its link and replies there.'
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
              {canManage && inReview ? <AcceptRemaining assessmentId={assessment.id} items={review.data.items} /> : null}
              {review.data.sinceLastTime ? (
                <Text size="sm" fw={600} role="note">
                  Re-assessment: {review.data.sinceLastTime.changed} {review.data.sinceLastTime.changed === 1 ? 'answer' : 'answers'} changed since last time
                  {review.data.sinceLastTime.unconfirmed ? `, ${review.data.sinceLastTime.unconfirmed} carried over and not yet confirmed by the vendor` : ''}.
                </Text>
              ) : null}
              <SegmentedControl
                aria-label="Show answers"
                // "Changed since last time" means something only for a re-assessment.
                data={(Object.keys(FILTERS) as Filter[]).filter((f) => f !== 'changed' || review.data.sinceLastTime).map((f) => ({ value: f, label: `${FILTERS[f].label} (${review.data.items.filter(FILTERS[f].keep).length})` }))}
                value={filter}
                onChange={(value) => setFilter(value as Filter)}
                w="fit-content"
                maw="100%"
              />
              <Text size="sm" c="gray.8">
                Keyboard, with the focus in the list of answers (not while typing): <Kbd>J</Kbd> next answer, <Kbd>K</Kbd> previous answer, <Kbd>N</Kbd> next answer still to decide; <Kbd>Tab</Kbd> reaches the buttons of the answer in focus.
              </Text>
              {/* Keys bubble up from the cards and their buttons; nothing listens outside the list. */}
              <div onKeyDown={(event) => moveBetweenAnswers(event, review.data.items)}>
                <Stack gap="md">
                  {review.data.domains.map((domain) => {
                    const items = review.data.items.filter((i) => i.control.domain === domain.id && FILTERS[filter].keep(i));
                    if (items.length === 0) return null;
                    return (
                      <Stack key={domain.id} gap="sm">
                        <Title order={4}>{domain.name}</Title>
                        {items.map((item) => (
                          <ReviewItemCard
                            key={item.control.id}
                            item={item}
                            assessmentId={assessment.id}
                            canDecide={canManage && inReview}
                            conditionSource={review.data.items.find((i) => i.control.id === item.control.condition?.question)?.control}
                          />
                        ))}
                      </Stack>
                    );
                  })}
                </Stack>
              </div>
              {review.data.items.filter(FILTERS[filter].keep).length === 0 ? <Text size="sm">No answers match.</Text> : null}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Section>
  );
}
