/** People to call at the vendor, primary contact first. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import type { VendorDetail } from '../types.ts';
import { pluralise } from '../vendorLabels.ts';

export function ContactsSection({ contacts }: { contacts: VendorDetail['contacts'] }) {
  return (
    <Section title="Contacts" meta={contacts.length ? pluralise(contacts.length, 'contact') : undefined}>
      {contacts.length === 0 ? (
        <Text size="sm">No contacts recorded.</Text>
      ) : (
        <ScrollTable caption="Vendor contacts" minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.name}
                  {c.isPrimary ? (
                    <Badge ml={6} size="xs" color="indigo.8" variant="outline" radius="sm">
                      Primary
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{c.role ?? '-'}</Table.Td>
                <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '-'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.phone ? <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} size="sm">{c.phone}</Anchor> : '-'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
