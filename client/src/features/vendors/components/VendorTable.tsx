/** The vendor list: one row per vendor, sorted by the server. */
import { Anchor, Box, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { VendorSortField } from '#shared/schemas/vendors.ts';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { GradeBadge, StandingBadge, TierBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SortableTh } from '../../../components/SortableTh.tsx';
import { categoryLabel } from '../../../lib/labels.ts';
import type { SortDirection } from '../hooks/useVendorListParams.ts';
import type { VendorListRow } from '../types.ts';
import { serviceLabels } from '../vendorLabels.ts';
import { ExcessDataBadge } from './ExcessDataBadge.tsx';

interface VendorTableProps {
  rows: readonly VendorListRow[];
  sort: VendorSortField;
  direction: SortDirection;
  onSort: (field: VendorSortField) => void;
  busy: boolean;
}

export function VendorTable({ rows, sort, direction, onSort, busy }: VendorTableProps) {
  const header = (field: VendorSortField, label: string) => (
    <SortableTh sorted={sort === field ? direction : null} onSort={() => onSort(field)}>
      {label}
    </SortableTh>
  );
  return (
    <ScrollTable caption="Vendors" minWidth={960} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
      <Table.Thead>
        <Table.Tr>
          {header('name', 'Vendor')}
          {header('tier', 'Tier')}
          {header('grade', 'Grade')}
          {header('risk', 'Risk')}
          {header('records', 'Records held')}
          <Table.Th>Most sensitive data</Table.Th>
          {header('openTasks', 'Open tasks')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <VendorRow key={row.id} row={row} />
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function VendorRow({ row }: { row: VendorListRow }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/vendors/${row.id}`} fw={600}>
          {row.name}
        </Anchor>
        {row.services.length ? (
          <Text size="xs" c="gray.7">
            {serviceLabels(row.services)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <NoShrink>
          <TierBadge tier={row.tier} overridden={row.tierOverridden} />
        </NoShrink>
      </Table.Td>
      <Table.Td>
        {/* An expired assessment's grade would make an unknown vendor look safe. */}
        <GradeBadge grade={row.standing === 'assessed' ? row.grade : null} />
      </Table.Td>
      <Table.Td>
        <NoShrink>
          <StandingBadge standing={row.standing} band={row.band} residual={row.residual} impact={row.impact} />
        </NoShrink>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <RecordCount records={row.largestHolding} />
      </Table.Td>
      <Table.Td>
        {categoryLabel(row.mostSensitiveCategory)}
        {row.excessData ? <ExcessDataBadge ml={6} size="xs" /> : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <OpenTasks open={row.openTasks} overdue={row.overdueTasks} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Badges cut their text short when squeezed; this keeps the column wide enough to read them. */
function NoShrink({ children }: { children: ReactNode }) {
  return <Box miw="max-content">{children}</Box>;
}

function OpenTasks({ open, overdue }: { open: number; overdue: number }) {
  return (
    <>
      {open}
      {overdue > 0 ? (
        <Text component="span" c="red.8" fw={600} size="sm">
          {` (${overdue} overdue)`}
        </Text>
      ) : null}
    </>
  );
}
