/**
 * A secret link shown once, just after it was made (a set-password link, a
 * questionnaire link): the server keeps only a hash of its token, so this is
 * the one chance to copy it. The heading takes focus when it appears, so
 * keyboard and screen-reader users land on the link, not on the form.
 */
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { StepHeading } from './StepHeading.tsx';

interface OneTimeLinkProps {
  heading: string;
  /** 3 where the page's own sections are h3, 4 inside such a section. */
  headingOrder: 3 | 4;
  /** The name of the field that holds the address. */
  label: string;
  url: string;
  /** How long the link works, and that it is shown only now. */
  warning: ReactNode;
  /** Whether the link also went by email, or must be passed on by hand. */
  children: ReactNode;
  onDismiss: () => void;
}

export function OneTimeLink({ heading, headingOrder, label, url, warning, children, onDismiss }: OneTimeLinkProps) {
  return (
    <Paper withBorder p="md" radius="md" bg="green.0">
      <Stack gap="sm">
        <StepHeading order={headingOrder} size="h4">
          {heading}
        </StepHeading>
        <Text size="sm">{warning}</Text>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput label={label} value={url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: 1 }} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{children}</Text>
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={onDismiss}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}
