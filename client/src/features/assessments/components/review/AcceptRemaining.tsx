/**
 * "Accept all remaining answers": every answer nobody has decided on yet,
 * after a confirmation that says how many, and which stay as they are
 * (open questions to the vendor, rejected answers). The server accepts
 * only if the confirmed number still holds.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';
import type { ReviewItem } from '../../assessmentLabels.ts';

const answers = (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`;

export function AcceptRemaining({ assessmentId, items }: { assessmentId: number; items: readonly ReviewItem[] }) {
  const queryClient = useQueryClient();
  const accept = useMutation(trpc.assessments.acceptAllRemaining.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const remaining = items.filter((i) => i.answer?.said && i.answer.reviewStatus === 'pending').length;
  const open = items.filter((i) => i.answer?.reviewStatus === 'clarification_requested').length;
  const rejected = items.filter((i) => i.answer?.reviewStatus === 'rejected').length;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.assessments.review.queryKey({ assessmentId }) });

  const confirm = () =>
    accept.mutate(
      { assessmentId, count: remaining },
      {
        onSuccess: async (result) => {
          await refresh();
          setConfirming(false);
          setDone(`${answers(result.accepted)} accepted.${result.skippedOpenQuestions ? ` ${answers(result.skippedOpenQuestions)} with an open question to the vendor left as ${result.skippedOpenQuestions === 1 ? 'it is' : 'they are'}.` : ''}`);
        },
        // The count changed under us: show the server's words and the list as it is now.
        onError: () => void refresh(),
      },
    );

  const kept = [open ? `${answers(open)} with an open question to the vendor` : null, rejected ? `${answers(rejected)} you rejected` : null].filter(Boolean).join(' and ');
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Button
          variant="light"
          disabled={remaining === 0}
          onClick={() => {
            setDone('');
            accept.reset();
            setConfirming(true);
          }}
        >
          Accept all remaining answers ({remaining})
        </Button>
      </Group>
      <Text size="sm" c="teal.9" fw={600} role="status">
        {done}
      </Text>
      {confirming ? (
        <ConfirmDialog
          title={`Accept ${answers(remaining)}?`}
          confirmLabel={`Accept ${answers(remaining)}`}
          busy={accept.isPending}
          error={accept.isError ? errorMessage(accept.error) : null}
          onConfirm={confirm}
          onClose={() => setConfirming(false)}
        >
          {`Every answer not reviewed yet (${remaining}) is accepted as the vendor gave it.${kept ? ` Left as they are: ${kept}.` : ''}`}
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
