/** Search and filters above the vendor list. */
import { Button, Group, MultiSelect } from '@mantine/core';
import { TIER_LABELS, TIERS, type Tier } from '#shared/scoring/constants.ts';
import { BAND_FILTERS, type BandFilter } from '#shared/filterValues.ts';
import { DebouncedSearchInput } from '../../../components/DebouncedSearchInput.tsx';
import { BAND_LABELS } from '../../../lib/labels.ts';

const BAND_OPTIONS = BAND_FILTERS.map((band) => ({
  value: band,
  label: band === 'not_assessed' ? 'Not assessed' : BAND_LABELS[band],
}));
const TIER_OPTIONS = TIERS.map((tier) => ({ value: String(tier), label: TIER_LABELS[tier] }));

interface VendorFiltersProps {
  search: string;
  bands: BandFilter[];
  tiers: Tier[];
  hasFilters: boolean;
  onSearch: (search: string) => void;
  onBands: (bands: BandFilter[]) => void;
  onTiers: (tiers: Tier[]) => void;
  onClear: () => void;
}

export function VendorFilters(props: VendorFiltersProps) {
  return (
    <Group role="search" aria-label="Filter vendors" align="flex-end" gap="sm" wrap="wrap">
      <DebouncedSearchInput
        label="Search by name"
        placeholder="Vendor name"
        value={props.search}
        onSearch={props.onSearch}
        w={{ base: '100%', sm: 260 }}
      />
      <MultiSelect
        label="Risk band"
        placeholder={props.bands.length ? undefined : 'Any band'}
        data={BAND_OPTIONS}
        value={props.bands}
        onChange={(values) => props.onBands(values as BandFilter[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear band filter' }}
        w={{ base: '100%', sm: 280 }}
      />
      <MultiSelect
        label="Tier"
        placeholder={props.tiers.length ? undefined : 'Any tier'}
        data={TIER_OPTIONS}
        value={props.tiers.map(String)}
        onChange={(values) => props.onTiers(values.map(Number) as Tier[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear tier filter' }}
        w={{ base: '100%', sm: 280 }}
      />
      {props.hasFilters ? (
        <Button variant="subtle" onClick={props.onClear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
