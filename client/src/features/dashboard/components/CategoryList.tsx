/** "Birth dates: 7 vendors, 4.6 M records", per category, most records first; data held but not needed is flagged. */
import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { findDataCategory } from '#shared/taxonomy.ts';
import { formatExact, formatRecords, pluralise } from '../../../lib/format.ts';
import { categoryLabel } from '../../../lib/labels.ts';
import type { DataExposure } from '../types.ts';

const LEVEL_LABELS: Record<number, string> = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'severe' };

export function CategoryList({ categories }: { categories: DataExposure['byCategory'] }) {
  const excess = categories.filter((c) => c.excessRecords > 0);
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        By category
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {excess.length
          ? `${pluralise(excess.length, 'category', 'categories')} include data held but not needed for the service: the first to delete.`
          : 'Every vendor needs the data it holds.'}
      </Text>
      <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {categories.map((c) => {
          const level = findDataCategory(c.category)?.level;
          return (
            <Paper
              component="li"
              key={c.category}
              withBorder
              p="xs"
              radius="sm"
              bg={c.excessRecords ? 'orange.0' : undefined}
              style={c.excessRecords ? { borderColor: 'var(--mantine-color-orange-7)' } : undefined}
            >
              <Text size="sm" title={`${formatExact(c.records)} records`}>
                <Text span fw={700}>
                  {categoryLabel(c.category)}
                </Text>
                : {pluralise(c.vendors, 'vendor')}, {formatRecords(c.records)} records
              </Text>
              <Group gap={6} mt={2}>
                {level ? (
                  <Text size="xs" c="gray.7">
                    Sensitivity {level} of 4 ({LEVEL_LABELS[level]})
                  </Text>
                ) : null}
                {c.excessRecords ? (
                  <Badge color="orange.9" c="gray.9" variant="outline" radius="sm" size="sm">
                    Excess: {formatRecords(c.excessRecords)} at {pluralise(c.excessVendors, 'vendor')}
                  </Badge>
                ) : null}
              </Group>
            </Paper>
          );
        })}
      </SimpleGrid>
    </div>
  );
}
