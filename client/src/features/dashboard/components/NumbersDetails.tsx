/** The numbers behind a chart, in a table a screen reader can read, folded away until asked for. */
import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function NumbersDetails({ summary = 'Show the numbers as a table', children }: { summary?: string; children: ReactNode }) {
  return (
    <Box component="details" className="dashboard-details">
      <Text component="summary" size="sm" fw={600} c="indigo.8" style={{ cursor: 'pointer' }}>
        {summary}
      </Text>
      <Box mt="xs">{children}</Box>
    </Box>
  );
}
