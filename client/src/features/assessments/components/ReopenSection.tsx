/** Gives a submitted questionnaire back to the vendor, with a note they see on their link. */
import { Button, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { trpc } from '../../../lib/trpc.ts';
import { errorMessage } from '../assessmentLabels.ts';

const MIN_NOTE = 5;

export function ReopenSection({ assessmentId }: { assessmentId: number }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const reopen = useMutation(trpc.assessments.reopen.mutationOptions());
  const tooShort = note.trim().length < MIN_NOTE;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (tooShort) return;
    reopen.mutate(
      { assessmentId, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          setTried(false);
          void queryClient.invalidateQueries({ queryKey: trpc.assessments.get.queryKey({ assessmentId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.assessments.shareLinks.queryKey({ assessmentId }) });
        },
      },
    );
  };

  return (
    <Section title="Reopen for the vendor" description="The vendor can change answers again through their link. They are emailed your note and see it when they open the questionnaire.">
      <form onSubmit={submit}>
        <Stack gap="sm" maw={640}>
          {reopen.isError ? <ErrorAlert>{errorMessage(reopen.error)}</ErrorAlert> : null}
          <Textarea
            label="Note to the vendor"
            description="What should they change or add?"
            required
            withAsterisk={false}
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={tried && tooShort ? `Tell the vendor what to change (at least ${MIN_NOTE} characters).` : undefined}
          />
          <Button type="submit" loading={reopen.isPending} w="fit-content">
            Reopen for the vendor
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
