/** Creates a questionnaire link for one recipient at the vendor. */
import { Button, Checkbox, Divider, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import { DEFAULT_LINK_DAYS, MAX_LINK_DAYS } from '#shared/schemas/sharing.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

/** A link just created: only a hash of its token is kept, so its URL can be shown this once only. */
export interface NewLink {
  url: string;
  expiresAt: Date;
  recipientName: string;
  recipientEmail: string;
  /** What the server did with the email, or null when none was asked for. */
  email: EmailDelivery | null;
}

export function CreateLinkForm({ assessmentId, onCreated }: { assessmentId: number; onCreated: (link: NewLink) => void }) {
  const [recipientName, setRecipientName] = useState('');
  const [recipientEmail, setRecipientEmail] = useState('');
  const [days, setDays] = useState<number | string>(DEFAULT_LINK_DAYS);
  const [emailCodeRequired, setEmailCodeRequired] = useState(false);
  const [sendEmail, setSendEmail] = useState(true);
  const create = useMutation(trpc.assessments.createShareLink.mutationOptions());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { assessmentId, recipientName: recipientName.trim(), recipientEmail: recipientEmail.trim(), expiresInDays: Number(days), emailCodeRequired, sendEmail };
    create.mutate(input, {
      onSuccess: (result) => {
        onCreated({ url: result.url, expiresAt: result.expiresAt, recipientName: input.recipientName, recipientEmail: input.recipientEmail, email: result.email });
        setRecipientName('');
        setRecipientEmail('');
        setDays(DEFAULT_LINK_DAYS);
        setEmailCodeRequired(false);
        setSendEmail(true);
      },
    });
  };

  return (
    <form onSubmit={submit} aria-labelledby="create-link-title">
      <Stack gap="sm">
        <Divider />
        <Title order={4} id="create-link-title">
          Create link
        </Title>
        {create.isError ? <ErrorAlert>{errorMessage(create.error)}</ErrorAlert> : null}
        <Group gap="sm" align="flex-start">
          <TextInput label="Recipient name" required withAsterisk={false} maxLength={120} value={recipientName} onChange={(e) => setRecipientName(e.currentTarget.value)} w={{ base: '100%', sm: 240 }} />
          <TextInput
            label="Recipient email"
            type="email"
            required
            withAsterisk={false}
            maxLength={254}
            value={recipientEmail}
            onChange={(e) => setRecipientEmail(e.currentTarget.value)}
            w={{ base: '100%', sm: 280 }}
          />
          <NumberInput
            label="Expires after (days)"
            description={`1 to ${MAX_LINK_DAYS}`}
            required
            withAsterisk={false}
            min={1}
            max={MAX_LINK_DAYS}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={setDays}
            w={{ base: '100%', sm: 170 }}
          />
        </Group>
        <Checkbox
          label="Ask for a code sent to the recipient's email first"
          description="Use it for sensitive assessments: a forwarded or leaked link alone is then not enough."
          checked={emailCodeRequired}
          onChange={(e) => setEmailCodeRequired(e.currentTarget.checked)}
        />
        <Checkbox label="Email the link to the recipient" checked={sendEmail} onChange={(e) => setSendEmail(e.currentTarget.checked)} />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Create link
        </Button>
      </Stack>
    </form>
  );
}
