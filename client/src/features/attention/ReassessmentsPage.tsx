/**
 * Vendors due for re-assessment: overdue (the last assessment no longer
 * counts), due within 30 days, or never assessed. The tab lives in the URL,
 * so the dashboard's figures link straight to a list.
 */
import { Anchor, Badge, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { REASSESSMENT_LIST_STANDINGS, type ReassessmentListStanding } from '#shared/schemas/reminders.ts';
import { TIER_LABELS, TIERS } from '#shared/scoring/constants.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { relativeDays, STANDING_TABS } from './attentionLabels.ts';

export function ReassessmentsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('standing');
  const standing: ReassessmentListStanding = (REASSESSMENT_LIST_STANDINGS as readonly string[]).includes(raw ?? '') ? (raw as ReassessmentListStanding) : 'overdue';
  const query = useQuery(trpc.reminders.reassessments.queryOptions({ standing }, { placeholderData: keepPreviousData }));
  const tab = STANDING_TABS.find((t) => t.value === standing)!;

  return (
    <Stack gap="md">
      <title>Re-assessments · Tollgate</title>
      <Title order={2}>Re-assessments</Title>
      {query.data ? (
        <Text size="sm" c="gray.7">
          Each vendor is re-assessed on its tier&apos;s cadence: {TIERS.map((t) => `${TIER_LABELS[t].toLowerCase()} every ${query.data.cadence[t]} months`).join(', ')}. An administrator sets it in Settings.
        </Text>
      ) : null}
      <Tabs value={standing} onChange={(value) => value && setParams({ standing: value }, { replace: true })} activateTabWithKeyboard>
        <Tabs.List>
          {STANDING_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
              {query.data ? ` (${query.data.counts[t.value]})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {query.isPending ? (
        <LoadingState label="Loading the vendors due for re-assessment" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The re-assessment list could not be loaded" onRetry={() => void query.refetch()} />
      ) : query.data.vendors.length === 0 ? (
        <EmptyState title={tab.empty} />
      ) : (
        <ScrollTable caption={`Vendors: ${tab.label.toLowerCase()}`} minWidth={640} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Vendor</Table.Th>
              <Table.Th>Tier</Table.Th>
              <Table.Th>Last assessed</Table.Th>
              <Table.Th>{standing === 'overdue' ? 'Was due' : 'Due'}</Table.Th>
              <Table.Th>Re-assessment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.vendors.map((v) => (
              <Table.Tr key={v.vendorId}>
                <Table.Td>
                  <Anchor component={Link} to={`/vendors/${v.vendorId}`}>
                    {v.vendorName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{TIER_LABELS[v.tier]}</Table.Td>
                <Table.Td>{v.lastCompletedAt ? formatDate(v.lastCompletedAt) : 'Never'}</Table.Td>
                <Table.Td>
                  {v.dueOn ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{formatDate(v.dueOn)}</Text>
                      <Text size="sm" c={v.daysLeft !== null && v.daysLeft < 0 ? 'red.9' : 'gray.7'} fw={v.daysLeft !== null && v.daysLeft < 0 ? 700 : undefined}>
                        ({relativeDays(v.daysLeft)})
                      </Text>
                    </Group>
                  ) : (
                    'Now'
                  )}
                </Table.Td>
                <Table.Td>
                  {v.reassessmentOpen ? (
                    <Badge color="blue.9">
                      Under way
                    </Badge>
                  ) : (
                    <Text size="sm">Not started</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
