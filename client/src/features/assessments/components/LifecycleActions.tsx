/**
 * The next steps an assessment allows in its status: mark as sent, start
 * the review, complete it, or cancel. Moves the lifecycle does not allow
 * are not offered; the server's refusal, if any, is shown as it says it.
 */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { allowedTransitions, type AssessmentStatus } from '#shared/assessmentLifecycle.ts';
import { TRANSITION_TARGETS } from '#shared/schemas/assessments.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { BAND_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { AssessmentDetail } from '../assessmentLabels.ts';
import { useRefreshAssessment } from '../hooks/useRefreshAssessment.ts';
import { CancelDialog, CompleteDialog } from './LifecycleDialogs.tsx';

type Target = (typeof TRANSITION_TARGETS)[number];

const NEXT_STEP: Record<AssessmentStatus, string> = {
  draft: 'Create a questionnaire link below and send it to the vendor, then mark the assessment as sent.',
  sent: 'Waiting for the vendor to open the questionnaire.',
  in_progress: 'The vendor is answering. You can review once they submit.',
  submitted: 'The vendor has submitted. Start the review to accept, reject or question each answer.',
  in_review: 'Accept, reject or ask about each answer, then complete the review to score it and raise tasks.',
  completed: 'The review is complete.',
  cancelled: 'This assessment was cancelled.',
};

export function LifecycleActions({ assessment }: { assessment: AssessmentDetail }) {
  const refresh = useRefreshAssessment(assessment.id);
  const transition = useMutation(trpc.assessments.transition.mutationOptions());
  const [dialog, setDialog] = useState<'completed' | 'cancelled' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const targets = allowedTransitions(assessment.status).filter((t): t is Target => (TRANSITION_TARGETS as readonly string[]).includes(t));

  const run = (to: Target, note?: string) => {
    setNotice(null);
    transition.mutate(
      { assessmentId: assessment.id, to, note },
      {
        onSuccess: (result) => {
          setDialog(null);
          void refresh();
          if ('grade' in result && result.band) {
            setNotice(`Review completed: grade ${result.grade}, ${BAND_LABELS[result.band].toLowerCase()} risk (${result.residual}), ${result.tasks} remediation ${result.tasks === 1 ? 'task' : 'tasks'} raised.`);
          } else setNotice({ sent: 'Marked as sent.', in_review: 'Review started.', cancelled: 'Assessment cancelled.', completed: '' }[to]);
        },
      },
    );
  };
  const close = () => {
    setDialog(null);
    transition.reset();
  };

  return (
    <Paper withBorder p="md" radius="md" className="no-print">
      <Stack gap="sm">
        <Text size="sm">
          <Text span fw={700}>
            Next step:{' '}
          </Text>
          {NEXT_STEP[assessment.status]}
        </Text>
        {transition.isError && !dialog ? <ErrorAlert>{errorMessage(transition.error)}</ErrorAlert> : null}
        {notice ? <SuccessNote onDismiss={() => setNotice(null)}>{notice}</SuccessNote> : null}
        {targets.length ? (
          <Group gap="sm">
            {targets.includes('sent') ? (
              <Button onClick={() => run('sent')} loading={transition.isPending && transition.variables.to === 'sent'}>
                Mark as sent
              </Button>
            ) : null}
            {targets.includes('in_review') ? (
              <Button onClick={() => run('in_review')} loading={transition.isPending && transition.variables.to === 'in_review'}>
                Start review
              </Button>
            ) : null}
            {targets.includes('completed') ? <Button onClick={() => setDialog('completed')}>Complete review</Button> : null}
            {targets.includes('cancelled') ? (
              <Button variant="outline" color="red.9" onClick={() => setDialog('cancelled')}>
                Cancel assessment
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      {dialog === 'completed' ? <CompleteDialog assessmentId={assessment.id} busy={transition.isPending} error={transition.error} onClose={close} onConfirm={() => run('completed')} /> : null}
      {dialog === 'cancelled' ? <CancelDialog busy={transition.isPending} error={transition.error} onClose={close} onConfirm={(reason) => run('cancelled', reason)} /> : null}
    </Paper>
  );
}
