/** Controls the latest assessment found not (fully) met, most severe first. */
import { Badge, Code, Table, Text } from '@mantine/core';
import { SEVERITIES } from '#shared/catalogue/types.ts';
import { describeCriticalBecause } from '#shared/scoring/accessPath.ts';
import { SeverityBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import type { VendorDetail } from '../types.ts';
import { OUTCOME_LABELS } from '../../../lib/controlLabels.ts';
import { SEVERITY_LABELS } from '../../../lib/labels.ts';

type FailingControl = VendorDetail['failingControls'][number];

function bySeverity(a: FailingControl, b: FailingControl): number {
  return SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.controlId.localeCompare(b.controlId);
}

export function FailingControlsSection({ controls, assessed }: { controls: readonly FailingControl[]; assessed: boolean }) {
  const sorted = [...controls].sort(bySeverity);
  return (
    <Section title="Failing controls" meta={controls.length ? `${controls.length} in the latest assessment` : undefined}>
      {!assessed ? (
        <Text size="sm">No completed assessment yet, so no controls have been checked.</Text>
      ) : sorted.length === 0 ? (
        <Text size="sm">Every control in the latest assessment is met.</Text>
      ) : (
        <ScrollTable caption="Failing controls" minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.controlId}>
                <Table.Td>
                  <Code>{c.controlId}</Code>
                </Table.Td>
                <Table.Td>
                  {c.title}
                  {c.critical ? (
                    <Badge ml={6} size="xs" color="red.9" variant="outline" radius="sm" title="Failing it caps the grade">
                      Critical control
                    </Badge>
                  ) : null}
                  {c.criticalBecause.map((reason) => (
                    <Text key={reason.rule} size="sm" c="dimmed" mt={4}>
                      {describeCriticalBecause(reason)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={c.severity} />
                  {c.severity !== c.catalogueSeverity ? (
                    <Text size="xs" c="dimmed" mt={4}>
                      {SEVERITY_LABELS[c.catalogueSeverity]} in the catalogue
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{OUTCOME_LABELS[c.outcome]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
