/** A titled block of the dashboard: a bordered <section> named by its heading, with its own error boundary. */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { SectionBoundary } from './SectionBoundary.tsx';

interface DashboardSectionProps {
  title: string;
  description?: ReactNode;
  /** Buttons beside the heading (downloads, switches); hidden when printing. */
  actions?: ReactNode;
  children: ReactNode;
}

export function DashboardSection({ title, description, actions, children }: DashboardSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md" className="dashboard-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Title order={3} size="h4" id={headingId}>
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="gray.7">
                {description}
              </Text>
            ) : null}
          </div>
          {actions ? (
            <Group gap="xs" className="no-print" wrap="nowrap">
              {actions}
            </Group>
          ) : null}
        </Group>
        <SectionBoundary title={title}>{children}</SectionBoundary>
      </Stack>
    </Paper>
  );
}
