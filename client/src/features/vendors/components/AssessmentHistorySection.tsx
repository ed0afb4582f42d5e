/** How the vendor's score and band moved across its completed assessments, as a chart and as a table. */
import { Loader, SimpleGrid, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { BandBadge, GradeBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate, formatScore } from '../../../lib/format.ts';
import { BAND_LABELS } from '../../../lib/labels.ts';
import type { VendorDetail } from '../types.ts';
import type { HistoryPoint } from './AssessmentHistoryChart.tsx';

// Loaded with the page's other chart, only when there is a history to draw.
const AssessmentHistoryChart = lazy(() => import('./AssessmentHistoryChart.tsx').then((m) => ({ default: m.AssessmentHistoryChart })));

export function AssessmentHistorySection({ assessments }: { assessments: VendorDetail['assessments'] }) {
  const completed = assessments
    .filter((a): a is typeof a & { completedAt: Date; score: number } => a.status === 'completed' && a.completedAt !== null && a.score !== null)
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  const points: HistoryPoint[] = completed.map((a) => ({
    time: a.completedAt.getTime(),
    score: a.score,
    band: a.band,
    bandLabel: a.band ? BAND_LABELS[a.band] : '',
  }));
  const summary = completed.map((a) => `${formatDate(a.completedAt)}: ${formatScore(a.score)}${a.band ? `, ${BAND_LABELS[a.band]}` : ''}`).join('; ');
  return (
    <Section title="Assessment history" description={completed.length ? 'Score out of 100 at each completed assessment, with the risk band it gave.' : undefined}>
      {completed.length === 0 ? (
        <Text size="sm">No completed assessments yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading chart" />}>
            <AssessmentHistoryChart points={points} label={`Score over time: ${summary}.`} />
          </Suspense>
          <ScrollTable caption="Score and band at each completed assessment" minWidth={360} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Completed</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Risk</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...completed].reverse().map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.completedAt)}</Table.Td>
                  <Table.Td ta="right">{formatScore(a.score)}</Table.Td>
                  <Table.Td>
                    <GradeBadge grade={a.grade} />
                  </Table.Td>
                  <Table.Td>{a.band ? <BandBadge band={a.band} residual={a.residual} /> : '-'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Section>
  );
}
