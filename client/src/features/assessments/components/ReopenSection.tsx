/**
 * Gives a submitted questionnaire back to the vendor, with a note they see on
 * their link. Once done it stays to say what became of the emails.
 */
import { Button, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import { EmailDeliveryNote } from '../../../components/EmailDelivery.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

const MIN_NOTE = 5;

export function ReopenSection({ assessmentId, reopenable }: { assessmentId: number; reopenable: boolean }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [emails, setEmails] = useState<EmailDelivery[] | null>(null);
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
        onSuccess: (result) => {
          setEmails(result.emails);
          setNote('');
          setTried(false);
          void queryClient.invalidateQueries({ queryKey: trpc.assessments.get.queryKey({ assessmentId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.assessments.shareLinks.queryKey({ assessmentId }) });
        },
      },
    );
  };

  if (!reopenable) {
    if (!emails) return null;
    return (
      <Section title="Reopened for the vendor">
        <SuccessNote onDismiss={() => setEmails(null)}>
          The vendor can change answers again and sees your note when they open the questionnaire.{' '}
          {emails.length ? (
            <EmailDeliveryNote deliveries={emails} what="Your note" otherwise="Let them know yourself." />
          ) : (
            'Nobody was emailed: this questionnaire has no links.'
          )}
        </SuccessNote>
      </Section>
    );
  }

  return (
    <Section
      title="Reopen for the vendor"
      description="The vendor can change answers again through their link, and sees your note when they open the questionnaire. Your note also goes by email to everyone the questionnaire was shared with."
    >
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
