/** The score per control domain, as a table and as bars. */
import { Loader, SimpleGrid, Table } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DomainBar } from '../../../../components/DomainScoreChart.tsx';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { formatScore } from '../../../../lib/format.ts';
import type { Report } from '../../assessmentLabels.ts';

const DomainScoreChart = lazy(() => import('../../../../components/DomainScoreChart.tsx').then((m) => ({ default: m.DomainScoreChart })));

export function ReportDomainScores({ domains }: { domains: Report['domains'] }) {
  const bars: DomainBar[] = domains.map((d) => ({
    name: d.name,
    axisLabel: d.score === null ? `${d.name} (N/A)` : d.name,
    score: d.score ?? 0,
    label: d.score === null ? 'N/A' : formatScore(d.score),
    applicable: d.score !== null,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <ScrollTable caption="Score by domain, out of 100" minWidth={300} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Domain</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
            <Table.Th ta="right">Answered</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {domains.map((d) => (
            <Table.Tr key={d.domain}>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td ta="right">{d.score === null ? 'Not applicable' : formatScore(d.score)}</Table.Td>
              <Table.Td ta="right">
                {d.answered} of {d.controls}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading chart" />}>
        <DomainScoreChart bars={bars} />
      </Suspense>
    </SimpleGrid>
  );
}
