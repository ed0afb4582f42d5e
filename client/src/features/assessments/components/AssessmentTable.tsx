/** The assessment list: overdue first, then by due date, as the server orders it. */
import { Anchor, Badge, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_LABELS } from '#shared/assessmentLifecycle.ts';
import { DueDate } from '../../../components/DueDate.tsx';
import { BandBadge, GradeBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { AssessmentListRow } from '../assessmentLabels.ts';

export function AssessmentTable({ rows, busy }: { rows: readonly AssessmentListRow[]; busy: boolean }) {
  return (
    <ScrollTable caption="Assessments" minWidth={980} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Assessment</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Progress</Table.Th>
          <Table.Th>Assessor</Table.Th>
          <Table.Th>Result</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>
              <Anchor component={Link} to={`/assessments/${row.id}`} fw={600}>
                {row.vendorName}
              </Anchor>
              <Text size="xs" c="gray.7">
                {row.templateName} questionnaire, started {formatDate(row.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color="indigo.8" variant="outline" radius="sm">
                {ASSESSMENT_STATUS_LABELS[row.status]}
              </Badge>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <DueDate date={row.dueDate} overdue={row.overdue} />
            </Table.Td>
            <Table.Td>
              <Stack gap={2} miw={120}>
                <Text size="sm">
                  {row.answered} of {row.total}
                </Text>
                <Progress value={row.total ? (row.answered / row.total) * 100 : 0} size="sm" color="indigo.8" aria-label={`${row.vendorName}: ${row.answered} of ${row.total} answered`} />
              </Stack>
            </Table.Td>
            <Table.Td>{row.assessorName ?? 'Not assigned'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {row.status === 'completed' ? (
                <>
                  <GradeBadge grade={row.grade as Parameters<typeof GradeBadge>[0]['grade']} /> {row.band ? <BandBadge band={row.band} residual={row.residual} /> : null}
                </>
              ) : (
                '-'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
