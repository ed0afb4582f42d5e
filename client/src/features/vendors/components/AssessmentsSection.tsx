/** Every assessment of the vendor, newest first: the history auditors ask for. */
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_LABELS } from '#shared/assessmentLifecycle.ts';
import { BandBadge, GradeBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate, formatScore, pluralise } from '../../../lib/format.ts';
import type { VendorDetail } from '../types.ts';

export function AssessmentsSection({ assessments }: { assessments: VendorDetail['assessments'] }) {
  return (
    <Section title="Assessments" meta={assessments.length ? pluralise(assessments.length, 'assessment') : undefined}>
      {assessments.length === 0 ? (
        <Text size="sm">No assessments yet.</Text>
      ) : (
        <ScrollTable caption="Assessment history" minWidth={820}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Questionnaire</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Completed</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th>Risk</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/${a.id}`} size="sm">
                    {a.templateName}
                  </Anchor>{' '}
                  <Text component="span" size="sm" c="gray.7">v{a.templateVersion}</Text>
                </Table.Td>
                <Table.Td>{ASSESSMENT_STATUS_LABELS[a.status]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.createdAt)}</Table.Td>
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
      )}
    </Section>
  );
}
