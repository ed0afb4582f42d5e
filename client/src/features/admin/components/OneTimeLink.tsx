/** A set-password link, shown once to the administrator who asked for it, with a way to copy it. */
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { StepHeading } from '../../../components/StepHeading.tsx';

export interface IssuedLink {
  title: string;
  url: string;
  /** Whether the link was also sent by email, or must be passed on by hand. */
  note: ReactNode;
}

export function OneTimeLink({ link, onDismiss }: { link: IssuedLink; onDismiss: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" bg="green.0">
      <Stack gap="sm">
        <StepHeading order={3} size="h4">
          {link.title}
        </StepHeading>
        <Text size="sm">The link works once, for 24 hours. It is shown only now: copy it before you leave this page.</Text>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput label="Set-password link" value={link.url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: 1 }} />
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{link.note}</Text>
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={onDismiss}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}
