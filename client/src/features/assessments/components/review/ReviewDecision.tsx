/** Accept an answer, reject it (it then counts as No), or ask the vendor about it; the last two need a note the vendor reads. */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ReviewStatus } from '../../../../../../shared/statuses.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';

const MIN_NOTE = 5;
type NoteDecision = 'reject' | 'clarify';

interface ReviewDecisionProps {
  assessmentId: number;
  controlId: string;
  status: ReviewStatus;
  onDecided: (message: string) => void;
}

export function ReviewDecision({ assessmentId, controlId, status, onDecided }: ReviewDecisionProps) {
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
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: trpc.assessments.review.queryKey({ assessmentId }) });
          setWriting(null);
          setNote('');
          setTried(false);
          onDecided({ accept: 'Accepted.', reject: 'Rejected: it counts as No.', clarify: 'Question sent to the vendor.' }[decision]);
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
          Ask for clarification
        </Button>
      </Group>
      {writing ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" maw={560}>
            <Textarea
              label={writing === 'reject' ? 'Why is the answer rejected?' : 'Your question to the vendor'}
              description="The vendor reads this note"
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
