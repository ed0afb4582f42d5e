/** A titled block of a page: a bordered <section> named by its h3 heading. */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** Short text beside the heading, e.g. a count. */
  meta?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

export function Section({ title, meta, description, children }: SectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Group gap="xs" align="baseline">
            <Title order={3} size="h4" id={headingId}>
              {title}
            </Title>
            {meta ? (
              <Text size="sm" c="gray.7">
                {meta}
              </Text>
            ) : null}
          </Group>
          {description ? (
            <Text size="sm" c="gray.7">
              {description}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
