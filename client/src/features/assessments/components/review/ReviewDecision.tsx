/**
 * Accept an answer, reject it (it then counts as No), or ask the vendor
 * about it (again); the last two need a note that goes into the answer's
 * thread for the vendor to read. What the server reports is said as it is:
 * whether the vendor can see it, and whether an email was sent or only
 * queued in the Outbox.
 */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ReviewStatus } from '#shared/statuses.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { trpc, type RouterOutputs } from '../../../../lib/trpc.ts';

const MIN_NOTE = 5;
type NoteDecision = 'reject' | 'clarify';
type Decided = RouterOutputs['assessments']['reviewAnswer'];

const NO_LINK = 'The vendor has no live questionnaire link, so nobody there can read it yet: create one under Questionnaire links.';

/** One sentence on what happened, from the server's account of it. */
export function decisionMessage(decision: 'accept' | NoteDecision, { notice }: Pick<Decided, 'notice'>): string {
  if (decision === 'accept') return 'Accepted.';
  if (decision === 'reject') return `Rejected: it counts as No. ${notice.visible ? 'The vendor sees your note on its questionnaire link.' : NO_LINK}`;
  if (!notice.visible) return `Question saved. ${NO_LINK}`;
  const to = notice.emailed?.to.join(', ');
  if (notice.emailed?.via === 'smtp') return `Question sent: the vendor sees it on its questionnaire link, and an email to ${to} is queued for the mail server.`;
  if (notice.emailed?.via === 'outbox') return `Question sent: the vendor sees it on its questionnaire link. The email to ${to} was not sent: it waits in the Outbox, as no mail server is configured.`;
  return 'Question sent: the vendor sees it on its questionnaire link.';
}

interface ReviewDecisionProps {
  assessmentId: number;
  controlId: string;
  status: ReviewStatus;
  /** A conversation exists: a new question is "asked again". */
  asked: boolean;
  onDecided: (message: string) => void;
}

export function ReviewDecision({ assessmentId, controlId, status, asked, onDecided }: ReviewDecisionProps) {
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.assessments.reviewAnswer.mutationOptions());
  const [writing, setWriting] = useState<NoteDecision | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const tooShort = note.trim().length < MIN_NOTE;

  const send = (decision: 'accept' | NoteDecision, text?: string) =>
    decide.mutate(
      { assessmentId, controlId, decision, note: text },
      {
        onSuccess: async (result) => {
          await queryClient.invalidateQueries({ queryKey: trpc.assessments.review.queryKey({ assessmentId }) });
          setWriting(null);
          setNote('');
          setTried(false);
          onDecided(decisionMessage(decision, result));
        },
      },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (writing && !tooShort) send(writing, note.trim());
  };

  return (
    <Stack gap="xs">
      {decide.isError ? <ErrorAlert>{errorMessage(decide.error)}</ErrorAlert> : null}
      <Group gap="xs">
        <Button size="compact-sm" variant={!writing && status === 'accepted' ? 'filled' : 'outline'} color="teal.9" loading={decide.isPending && decide.variables.decision === 'accept'} onClick={() => send('accept')}>
          Accept
        </Button>
        <Button size="compact-sm" variant={writing === 'reject' || (!writing && status === 'rejected') ? 'filled' : 'outline'} color="red.9" onClick={() => setWriting('reject')} aria-expanded={writing === 'reject'}>
          Reject
        </Button>
        <Button size="compact-sm" variant={writing === 'clarify' || (!writing && status === 'clarification_requested') ? 'filled' : 'default'} color="dark.7" onClick={() => setWriting('clarify')} aria-expanded={writing === 'clarify'}>
          {asked ? 'Ask again' : 'Ask for clarification'}
        </Button>
      </Group>
      {writing ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" maw={560}>
            <Textarea
              label={writing === 'reject' ? 'Why is the answer rejected?' : asked ? 'Your next question to the vendor' : 'Your question to the vendor'}
              description={writing === 'reject' ? 'The vendor reads this note on its questionnaire link and can reply.' : 'The vendor reads it on its questionnaire link. An email to the link\'s recipients goes with it (held in the Outbox when no mail server is configured).'}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={tried && tooShort ? `Say why (at least ${MIN_NOTE} characters): the vendor reads this note.` : undefined}
              data-autofocus
              autoFocus
            />
            <Group gap="xs">
              <Button type="submit" size="compact-sm" loading={decide.isPending}>
                {writing === 'reject' ? 'Reject answer' : 'Send question'}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setWriting(null)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
