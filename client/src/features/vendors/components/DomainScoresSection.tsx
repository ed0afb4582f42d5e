/**
 * The latest assessment's score per section (for Core and Lite, per control
 * domain; a custom template's own sections too), as a chart with the same
 * numbers in a table.
 */
import { Loader, SimpleGrid, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DomainScore } from '#shared/scoring/controlScore.ts';
import type { AssessmentStanding } from '#shared/statuses.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatScore } from '../../../lib/format.ts';
import type { DomainBar } from '../../../components/DomainScoreChart.tsx';

// The charting library is large; only the vendor page should pay for it.
const DomainScoreChart = lazy(() => import('../../../components/DomainScoreChart.tsx').then((m) => ({ default: m.DomainScoreChart })));

interface DomainScoresSectionProps {
  domains: readonly (DomainScore & { name: string })[] | null;
  standing: AssessmentStanding;
}

export function DomainScoresSection({ domains, standing }: DomainScoresSectionProps) {
  const bars: DomainBar[] = (domains ?? []).map((d) => ({
    name: d.name,
    // A not-applicable domain keeps its row, with no bar and N/A in its name.
    axisLabel: d.score === null ? `${d.name} (N/A)` : d.name,
    score: d.score ?? 0,
    label: d.score === null ? 'N/A' : formatScore(d.score),
    applicable: d.score !== null,
  }));
  return (
    <Section
      title="Score by domain"
      description={
        bars.length && standing === 'expired' ? 'From the last assessment, which has expired.' : undefined
      }
    >
      {bars.length === 0 ? (
        <Text size="sm">No scores yet: the vendor has not completed an assessment.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading chart" />}>
            <DomainScoreChart bars={bars} />
          </Suspense>
          <ScrollTable caption="Score by domain, out of 100" minWidth={300} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Domain</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th ta="right">Answered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(domains ?? []).map((d, index) => (
                <Table.Tr key={d.domain}>
                  <Table.Td>{bars[index]!.name}</Table.Td>
                  <Table.Td ta="right">{d.score === null ? 'Not applicable' : formatScore(d.score)}</Table.Td>
                  <Table.Td ta="right">
                    {d.answered} of {d.controls}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Section>
  );
}
