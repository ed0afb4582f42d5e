/** The report's lists: failing controls with their framework references, remediation tasks, and the evidence on file. */
import { Badge, Box, Code, List, Table, Text } from '@mantine/core';
import { findControl } from '#shared/catalogue/coreV1.ts';
import { describeCriticalBecause } from '#shared/scoring/accessPath.ts';
import { TASK_STATUS_LABELS } from '#shared/statuses.ts';
import { SeverityBadge } from '../../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { OUTCOME_LABELS } from '../../../../lib/controlLabels.ts';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { SEVERITY_LABELS } from '../../../../lib/labels.ts';
import { formatBytes, type Report } from '../../assessmentLabels.ts';

export function FailingControlsTable({ failing, notAsked }: { failing: Report['failing']; notAsked: Report['accessPathNotAsked'] }) {
  // The access path made these critical for the vendor, but the questionnaire did not ask them: say so, or the report looks safer than it is.
  const unasked = notAsked.length ? (
    <Text size="sm" mb="xs">
      This vendor&apos;s access makes {notAsked.join(', ')} critical for it, but this questionnaire did not ask {notAsked.length > 1 ? 'them' : 'it'}.
    </Text>
  ) : null;
  if (failing.length === 0)
    return (
      <>
        {unasked}
        <Text size="sm">Every control is met.</Text>
      </>
    );
  return (
    <>
      {unasked}
      <ScrollTable caption="Failing controls and their framework references" minWidth={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Control</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>References</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {failing.map((f) => (
            <Table.Tr key={f.controlId}>
              <Table.Td>
                <Code>{f.controlId}</Code> {f.title}
                {f.critical ? (
                  <Badge ml={6} size="xs" color="red.9" variant="outline" radius="sm">
                    Critical control
                  </Badge>
                ) : null}
                {f.criticalBecause.map((reason) => (
                  <Text key={reason.rule} size="xs" c="gray.7">
                    {describeCriticalBecause(reason)}
                  </Text>
                ))}
                {f.reviewNote ? (
                  <Text size="xs" c="gray.7">
                    Reviewer: {f.reviewNote}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Box miw="max-content">
                  <SeverityBadge severity={f.severity} />
                </Box>
                {f.severity !== f.catalogueSeverity ? (
                  <Text size="xs" c="gray.7">
                    {SEVERITY_LABELS[f.catalogueSeverity]} in the catalogue
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{OUTCOME_LABELS[f.outcome]}</Table.Td>
              <Table.Td>
                <List size="xs" spacing={0}>
                  {f.references.map((r) => (
                    <List.Item key={`${r.source}-${r.ref}`}>
                      {r.source}
                      {r.ref ? ` ${r.ref}` : ''}
                    </List.Item>
                  ))}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}

export function TasksTable({ tasks }: { tasks: Report['tasks'] }) {
  if (tasks.length === 0) return <Text size="sm">No remediation tasks were raised.</Text>;
  return (
    <ScrollTable caption="Remediation tasks" minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Control</Table.Th>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td>
              <Code>{t.controlId}</Code> {findControl(t.controlId)?.title ?? ''}
            </Table.Td>
            <Table.Td>
              <Box miw="max-content">
                <SeverityBadge severity={t.severity} />
              </Box>
            </Table.Td>
            <Table.Td>
              {TASK_STATUS_LABELS[t.status]}
              {t.status === 'risk_accepted' ? (
                <Text size="xs" c="gray.7">
                  Accepted by {t.acceptedByName ?? 'a removed account'} until {formatDate(t.acceptanceExpiresOn)}; still counted as failed
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(t.dueDate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

export function EvidenceTable({ evidence }: { evidence: Report['evidence'] }) {
  if (evidence.length === 0) return <Text size="sm">No evidence was attached.</Text>;
  return (
    <ScrollTable caption="Evidence files" minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Control</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th>Uploaded</Table.Th>
          <Table.Th>SHA-256</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {evidence.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.name}</Table.Td>
            <Table.Td>{e.controlId ? <Code>{e.controlId}</Code> : 'Task'}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatBytes(e.sizeBytes)}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</Table.Td>
            <Table.Td>
              <Code style={{ wordBreak: 'break-all' }}>{e.sha256}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
