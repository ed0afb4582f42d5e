/** Tier, service type, business owner and band: the filters every section of the dashboard follows. */
import { Button, Group, MultiSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BAND_FILTERS, type BandFilter } from '#shared/filterValues.ts';
import { TIER_LABELS, TIERS, type Tier } from '#shared/scoring/constants.ts';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from '#shared/taxonomy.ts';
import { BAND_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { DashboardParams, DashboardState } from '../hooks/useDashboardParams.ts';

const TIER_OPTIONS = TIERS.map((tier) => ({ value: String(tier), label: TIER_LABELS[tier] }));
const SERVICE_OPTIONS = SERVICE_TYPES.map((service) => ({ value: service, label: SERVICE_TYPE_LABELS[service] }));
const BAND_OPTIONS = BAND_FILTERS.map((band) => ({ value: band, label: bandFilterLabel(band) }));

export function bandFilterLabel(band: BandFilter): string {
  return band === 'not_assessed' ? 'Not assessed' : BAND_LABELS[band];
}

export function FiltersBar({ state }: { state: DashboardState }) {
  const owners = useQuery(trpc.dashboard.owners.queryOptions());
  const { params } = state;
  // An owner in a shared link stays selectable even before (or without) the list of owners.
  const ownerOptions = [...new Set([...(owners.data ?? []), ...params.owners])];
  const width = { base: '100%', xs: 'calc(50% - var(--mantine-spacing-sm))', md: 230 };
  return (
    <Group role="search" aria-label="Filter the dashboard" align="flex-end" gap="sm" wrap="wrap" className="no-print">
      <MultiSelect
        label="Tier"
        placeholder={params.tiers.length ? undefined : 'Any tier'}
        data={TIER_OPTIONS}
        value={params.tiers.map(String)}
        onChange={(values) => state.setTiers(values.map(Number) as Tier[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear tier filter' }}
        w={width}
      />
      <MultiSelect
        label="Service type"
        placeholder={params.services.length ? undefined : 'Any service'}
        data={SERVICE_OPTIONS}
        value={params.services}
        onChange={(values) => state.setServices(values as ServiceType[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear service type filter' }}
        w={width}
      />
      <MultiSelect
        label="Business owner"
        placeholder={params.owners.length ? undefined : owners.isError ? 'Owners could not be loaded' : 'Any owner'}
        data={ownerOptions}
        value={params.owners}
        onChange={state.setOwners}
        searchable
        nothingFoundMessage="No owner by that name"
        clearable
        clearButtonProps={{ 'aria-label': 'Clear business owner filter' }}
        w={width}
      />
      <MultiSelect
        label="Risk band"
        placeholder={params.bands.length ? undefined : 'Any band'}
        data={BAND_OPTIONS}
        value={params.bands}
        onChange={(values) => state.setBands(values as BandFilter[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear risk band filter' }}
        w={width}
      />
      {state.hasFilters ? (
        <Button variant="subtle" onClick={state.clearFilters}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}

/** The filters in words: on paper the controls are hidden, so the page says what it shows. */
export function describeFilters(params: DashboardParams): string {
  const parts: string[] = [];
  if (params.tiers.length) parts.push(params.tiers.map((t) => TIER_LABELS[t]).join(' or '));
  if (params.services.length) parts.push(`service type ${params.services.map((s) => SERVICE_TYPE_LABELS[s]).join(' or ')}`);
  if (params.owners.length) parts.push(`business owner ${params.owners.join(' or ')}`);
  if (params.bands.length) parts.push(`risk band ${params.bands.map(bandFilterLabel).join(' or ')}`);
  return parts.length ? `Showing active vendors in ${parts.join('; ')}.` : 'Showing every active vendor (no filters).';
}

export function ActiveFilters({ params }: { params: DashboardParams }) {
  return (
    <Text size="sm" className="print-only">
      {describeFilters(params)}
    </Text>
  );
}
