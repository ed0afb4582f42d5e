/** The vendor's connections into our systems, with tokens that have not been rotated flagged. */
import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { ACCESS_LEVEL_LABELS } from '../../../../../shared/taxonomy.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { VendorDetail } from '../types.ts';
import { isTokenStale, pluralise, STALE_TOKEN_DAYS } from '../vendorLabels.ts';

export function IntegrationsSection({ integrations }: { integrations: VendorDetail['integrations'] }) {
  const now = new Date();
  return (
    <Section
      title="Integrations"
      meta={integrations.length ? pluralise(integrations.length, 'integration') : undefined}
      description={integrations.length ? `Tokens not rotated for ${STALE_TOKEN_DAYS} days are marked stale.` : undefined}
    >
      {integrations.length === 0 ? (
        <Text size="sm">No integrations into our systems recorded.</Text>
      ) : (
        <ScrollTable caption="Integrations into our systems" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Integration</Table.Th>
              <Table.Th>Access</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Last token rotation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {integrations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {i.name}
                  {i.system ? (
                    <Text size="xs" c="gray.7">
                      into {i.system}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{ACCESS_LEVEL_LABELS[i.accessLevel]}</Table.Td>
                <Table.Td>
                  {i.scopes.length ? (
                    <Group gap={4}>
                      {i.scopes.map((scope) => (
                        <Code key={scope}>{scope}</Code>
                      ))}
                    </Group>
                  ) : (
                    'None recorded'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {i.lastTokenRotation ? formatDate(i.lastTokenRotation) : 'Not recorded'}
                  {isTokenStale(i.lastTokenRotation, now) ? (
                    <Badge ml={6} color="red.9" variant="outline" radius="sm">
                      Stale token
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
