/** A new questionnaire link, shown once: only a hash of its token is kept, so it can never be shown again. */
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { EmailDelivery } from '../../../../../shared/emailDelivery.ts';
import { EmailDeliveryNote } from '../../../components/EmailDelivery.tsx';
import { StepHeading } from '../../../components/StepHeading.tsx';
import { formatDate } from '../../../lib/format.ts';

export interface NewLink {
  url: string;
  expiresAt: Date;
  recipientName: string;
  recipientEmail: string;
  /** What the server did with the email, or null when none was asked for. */
  email: EmailDelivery | null;
}

export function CreatedLink({ link, onDismiss }: { link: NewLink; onDismiss: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" bg="green.0">
      <Stack gap="sm">
        <StepHeading order={4}>Link created for {link.recipientName}</StepHeading>
        <Text size="sm" fw={600}>
          Copy it now: this is the only time the link is shown. Tollgate keeps only a fingerprint of it, so it cannot be shown again.
        </Text>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput label="Questionnaire link" value={link.url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: 1 }} />
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">
          {link.email ? (
            <EmailDeliveryNote deliveries={[link.email]} what="The link" otherwise="Send it to them yourself." />
          ) : (
            `It was not emailed: send it to ${link.recipientEmail} yourself.`
          )}{' '}
          It works until{' '}
          {formatDate(link.expiresAt)}. If it is lost, revoke it and create a new one.
        </Text>
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={onDismiss}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}
