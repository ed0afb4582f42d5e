/** Fourth parties: the vendor's own suppliers that touch our data. */
import { Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import type { VendorDetail } from '../types.ts';
import { categoryLabel, countryName, pluralise } from '../vendorLabels.ts';

export function SubProcessorsSection({ subProcessors }: { subProcessors: VendorDetail['subProcessors'] }) {
  return (
    <Section
      title="Sub-processors"
      meta={subProcessors.length ? pluralise(subProcessors.length, 'sub-processor') : undefined}
    >
      {subProcessors.length === 0 ? (
        <Text size="sm">No sub-processors recorded.</Text>
      ) : (
        <ScrollTable caption="Sub-processors" minWidth={680}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Data shared</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subProcessors.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.service ?? '-'}</Table.Td>
                <Table.Td>{countryName(s.country)}</Table.Td>
                <Table.Td>{s.dataShared.length ? s.dataShared.map(categoryLabel).join(', ') : 'None recorded'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
