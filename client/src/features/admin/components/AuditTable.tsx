/** Audit events, newest first: who did what to which record, from where, with the values before and after. */
import { Code, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { RouterOutputs } from '../../../lib/trpc.ts';
import { actionLabel } from '../auditLabels.ts';

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
              <Text size="sm">{row.targetType}</Text>
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
            <Table.Td>
              <Details before={row.before} after={row.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function Details({ before, after }: { before: unknown; after: unknown }) {
  if (before === null && after === null) return <Text size="sm" c="dimmed">-</Text>;
  return (
    <details>
      <summary>
        <Text component="span" size="sm">
          Before and after
        </Text>
      </summary>
      {before !== null ? <Values label="Before" value={before} /> : null}
      {after !== null ? <Values label="After" value={after} /> : null}
    </details>
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
