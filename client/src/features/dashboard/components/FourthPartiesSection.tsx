/** Sub-processors that several vendors share: one breach there reaches all of them. */
import { Anchor, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { categoryLabel, countryName } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { bySensitivity } from '../charts/chartData.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { FourthParty } from '../types.ts';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { QueryContent } from './QueryContent.tsx';

/** Most sensitive first: what a breach at the sub-processor would expose. */
function dataShared(party: FourthParty): string[] {
  return [...party.categories].sort(bySensitivity).map(categoryLabel);
}

const CSV_COLUMNS = ['Sub-processor', 'Vendors sharing it', 'Vendors', 'Countries', 'Data shared'];

function csvRows(parties: readonly FourthParty[]) {
  return parties.map((p) => ({
    'Sub-processor': p.name.trim(),
    'Vendors sharing it': p.vendorCount,
    Vendors: p.vendors.map((v) => v.name).join('; '),
    Countries: p.countries.map(countryName).join('; '),
    'Data shared': dataShared(p).join('; '),
  }));
}

export function FourthPartiesSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.fourthParties.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <DashboardSection
      title="Shared fourth parties"
      description="Sub-processors used by more than one vendor: a breach there reaches every vendor listed."
      actions={data?.length ? <CsvButton name="shared fourth parties" columns={CSV_COLUMNS} rows={() => csvRows(data)} /> : null}
    >
      <QueryContent query={query} what="the fourth parties">
        {(parties) =>
          parties.length === 0 ? (
            <Text size="sm">No sub-processor is shared by two or more vendors in view.</Text>
          ) : (
            <ScrollTable caption="Sub-processors shared by several vendors" minWidth={820} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Sub-processor</Table.Th>
                  <Table.Th ta="right">Vendors</Table.Th>
                  <Table.Th w="34%">Used by</Table.Th>
                  <Table.Th>Countries</Table.Th>
                  <Table.Th w="28%">Data shared</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parties.map((p) => (
                  <Table.Tr key={p.name.trim().toLowerCase()}>
                    <Table.Th scope="row">{p.name.trim()}</Table.Th>
                    <Table.Td ta="right" fw={700}>
                      {p.vendorCount}
                    </Table.Td>
                    <Table.Td>
                      {p.vendors.map((v, i) => (
                        <Fragment key={v.id}>
                          {i > 0 ? ', ' : null}
                          <Anchor component={Link} to={`/vendors/${v.id}`} size="sm">
                            {v.name}
                          </Anchor>
                        </Fragment>
                      ))}
                    </Table.Td>
                    <Table.Td>{p.countries.length ? p.countries.map(countryName).join(', ') : 'Not recorded'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.categories.length ? dataShared(p).join(', ') : 'Not recorded'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )
        }
      </QueryContent>
    </DashboardSection>
  );
}
