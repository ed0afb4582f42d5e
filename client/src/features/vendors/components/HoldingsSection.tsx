/** What personal data the vendor holds and how much of it: the blast radius of a breach there. */
import { Table, Text } from '@mantine/core';
import { DATA_SUBJECT_LABELS } from '../../../../../shared/taxonomy.ts';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import type { VendorDetail } from '../types.ts';
import { categoryLabel, countryName, pluralise } from '../vendorLabels.ts';
import { ExcessDataBadge } from './ExcessDataBadge.tsx';

export function HoldingsSection({ holdings }: { holdings: VendorDetail['holdings'] }) {
  return (
    <Section title="Data held" meta={holdings.length ? pluralise(holdings.length, 'holding') : undefined}>
      {holdings.length === 0 ? (
        <Text size="sm">No data holdings recorded yet.</Text>
      ) : (
        <ScrollTable caption="Data held by this vendor" minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>Data subjects</Table.Th>
              <Table.Th ta="right">Records</Table.Th>
              <Table.Th>Needed</Table.Th>
              <Table.Th>Retention</Table.Th>
              <Table.Th>Stored in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holdings.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{categoryLabel(h.category)}</Table.Td>
                <Table.Td>{DATA_SUBJECT_LABELS[h.subjects]}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <RecordCount records={h.records} />
                </Table.Td>
                <Table.Td>{h.needed ? 'Yes' : <ExcessDataBadge />}</Table.Td>
                <Table.Td>{h.retentionMonths === null ? 'Not set' : pluralise(h.retentionMonths, 'month')}</Table.Td>
                <Table.Td>{countryName(h.storageCountry)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
