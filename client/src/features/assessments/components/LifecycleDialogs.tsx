/** Confirmations before completing a review (which scores it and raises tasks) and before cancelling an assessment. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { BandBadge, GradeBadge } from '../../../components/RiskBadges.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatScore } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';

interface CompleteDialogProps {
  assessmentId: number;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}

export function CompleteDialog({ assessmentId, busy, error, onClose, onConfirm }: CompleteDialogProps) {
  const review = useQuery(trpc.assessments.review.queryOptions({ assessmentId }));
  const preview = review.data?.preview;
  const waiting = review.data?.items.filter((i) => i.answer?.reviewStatus === 'clarification_requested').length ?? 0;
  const unreviewed = review.data?.items.filter((i) => i.answer?.said && i.answer.reviewStatus === 'pending').length ?? 0;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Complete the review?">
      <Stack gap="md">
        <Text size="sm">The answers are scored as they stand, the result is frozen on the assessment, and a remediation task with a due date is raised for every control not met. Vendors with the questionnaire open are signed out; they open their link again to see their tasks.</Text>
        {preview ? (
          <Group gap="xs">
            <Text size="sm">Result:</Text>
            <GradeBadge grade={preview.grade} />
            <Text size="sm">{formatScore(preview.score)} / 100</Text>
            <BandBadge band={preview.band} residual={preview.residual} />
            <Text size="sm">
              {preview.tasks} {preview.tasks === 1 ? 'task' : 'tasks'}
            </Text>
          </Group>
        ) : null}
        {unreviewed > 0 ? <Text size="sm">{unreviewed} answered {unreviewed === 1 ? 'question has' : 'questions have'} not been reviewed: they count as answered.</Text> : null}
        {waiting > 0 ? (
          <Text size="sm" fw={600}>
            {waiting} {waiting === 1 ? 'answer has' : 'answers have'} an open question to the vendor: accept or reject {waiting === 1 ? 'it' : 'them'} first.
          </Text>
        ) : null}
        {error ? <ErrorAlert title="The review was not completed">{errorMessage(error)}</ErrorAlert> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Not yet
          </Button>
          <Button loading={busy} onClick={onConfirm}>
            Complete review
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const MIN_REASON = 5;

export function CancelDialog({ busy, error, onClose, onConfirm }: { busy: boolean; error: unknown; onClose: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!tooShort) onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Cancel this assessment?">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">The vendor's links stop working at once and anyone using one is signed out; the assessment can no longer be reviewed. Answers already given are kept. You can start a new assessment afterwards.</Text>
          {error ? <ErrorAlert title="Not cancelled">{errorMessage(error)}</ErrorAlert> : null}
          <Textarea
            label="Reason"
            description="Kept on record, e.g. the contract was not signed"
            required
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && tooShort ? `Say why the assessment is cancelled (at least ${MIN_REASON} characters).` : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Keep it
            </Button>
            <Button type="submit" color="red.9" loading={busy}>
              Cancel assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
