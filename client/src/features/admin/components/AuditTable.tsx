/** Audit events, newest first: who did what to which record, from where, and what it changed, in words. */
import { Code, List, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { RouterOutputs } from '../../../lib/trpc.ts';
import { actionLabel } from '../auditLabels.ts';
import { summarizeAuditEvent } from '../auditSummary.ts';

const TARGET_LABELS: Record<string, string> = {
  assessment: 'Assessment',
  audit_log: 'Audit log',
  inventory: 'Vendor inventory',
  procedure: 'Procedure',
  route: 'Web address',
  settings: 'Settings',
  task: 'Remediation task',
  user: 'User',
  vendor: 'Vendor',
};

type AuditRow = RouterOutputs['audit']['list']['rows'][number];

export function AuditTable({ rows, busy }: { rows: readonly AuditRow[]; busy: boolean }) {
  return (
    <ScrollTable caption="Audit events" minWidth={980} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Time</Table.Th>
          <Table.Th>Actor</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Target</Table.Th>
          <Table.Th>IP</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} style={{ verticalAlign: 'top' }}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatDateTime(row.at)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.actorLabel}</Text>
              {row.actorType !== 'user' ? (
                <Text size="xs" c="dimmed">
                  {row.actorType === 'vendor_link' ? 'vendor link' : row.actorType}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{actionLabel(row.action)}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {row.action}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{TARGET_LABELS[row.targetType] ?? row.targetType}</Text>
              {row.targetId ? (
                <Text size="xs" c="dimmed" ff="monospace">
                  {row.targetId}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {row.ip ?? '-'}
              </Text>
            </Table.Td>
            {/* A pasted URL or a long unbroken comment wraps inside the column instead of running past the table. */}
            <Table.Td style={{ overflowWrap: 'anywhere', minWidth: 240 }}>
              <Details row={row} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function Details({ row }: { row: AuditRow }) {
  const lines = summarizeAuditEvent(row);
  const recorded = row.before !== null || row.after !== null;
  if (!recorded) return <Text size="sm" c="dimmed">-</Text>;
  return (
    <>
      {lines.length === 1 ? (
        <Text size="sm">{lines[0]}</Text>
      ) : lines.length > 1 ? (
        <List size="sm" spacing={2} listStyleType="none" aria-label="What changed">
          {lines.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      ) : null}
      {/* The exact values, for an auditor who needs more than the summary. */}
      <details>
        <summary>
          <Text component="span" size="xs" c="gray.7">
            Exact recorded values
          </Text>
        </summary>
        {row.before !== null ? <Values label="Before" value={row.before} /> : null}
        {row.after !== null ? <Values label="After" value={row.after} /> : null}
      </details>
    </>
  );
}

function Values({ label, value }: { label: string; value: unknown }) {
  return (
    <>
      <Text size="xs" fw={600} mt={4}>
        {label}
      </Text>
      <Code block fz="xs" maw={360} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </>
  );
}
