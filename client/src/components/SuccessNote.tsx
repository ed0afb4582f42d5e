/** A short confirmation that an action worked, announced politely to screen readers. */
import { Alert, CloseButton, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function SuccessNote({ children, onDismiss }: { children: ReactNode; onDismiss?: () => void }) {
  // The palest teal behind dark text: Mantine's light alert (teal text on teal) is below 4.5:1.
  return (
    <Alert color="teal.9" variant="outline" bg="teal.0" role="status" aria-live="polite" py="xs">
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text c="teal.9" fw={700} aria-hidden="true" size="sm">
            ✓
          </Text>
          <Text size="sm" c="dark.9" component="div">
            {children}
          </Text>
        </Group>
        {onDismiss ? <CloseButton size="sm" aria-label="Dismiss" onClick={onDismiss} /> : null}
      </Group>
    </Alert>
  );
}
