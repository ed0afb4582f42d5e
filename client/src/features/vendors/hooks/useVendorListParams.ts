/**
 * The vendor list's filters, sort and page, kept in the URL so a view can
 * be shared and survives a reload. Values the URL cannot hold are dropped.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TIERS, type Tier } from '#shared/scoring/constants.ts';
import {
  BAND_FILTERS,
  VENDOR_SORT_FIELDS,
  type BandFilter,
  type VendorSortField,
} from '#shared/schemas/vendors.ts';

export type SortDirection = 'asc' | 'desc';

export interface VendorListParams {
  search: string;
  bands: BandFilter[];
  tiers: Tier[];
  sort: VendorSortField;
  direction: SortDirection;
  page: number;
}

/** The direction a column sorts in when first chosen: the worrying end first. */
export const FIRST_DIRECTION: Record<VendorSortField, SortDirection> = {
  risk: 'desc',
  name: 'asc',
  tier: 'asc',
  grade: 'asc',
  records: 'desc',
  openTasks: 'desc',
};

const DEFAULT_SORT: VendorSortField = 'risk';

function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

export function parseVendorListParams(params: URLSearchParams): VendorListParams {
  const sortParam = params.get('sort');
  const sort = isOneOf(VENDOR_SORT_FIELDS, sortParam) ? sortParam : DEFAULT_SORT;
  const dirParam = params.get('dir');
  const page = Number(params.get('page'));
  return {
    search: params.get('q') ?? '',
    bands: [...new Set(params.getAll('band'))].filter((b) => isOneOf(BAND_FILTERS, b)),
    tiers: [...new Set(params.getAll('tier').map(Number))].filter((t) => isOneOf(TIERS, t)),
    sort,
    direction: dirParam === 'asc' || dirParam === 'desc' ? dirParam : FIRST_DIRECTION[sort],
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

function toSearchParams(p: VendorListParams): URLSearchParams {
  const next = new URLSearchParams();
  if (p.search) next.set('q', p.search);
  for (const band of p.bands) next.append('band', band);
  for (const tier of p.tiers) next.append('tier', String(tier));
  if (p.sort !== DEFAULT_SORT || p.direction !== FIRST_DIRECTION[DEFAULT_SORT]) {
    next.set('sort', p.sort);
    next.set('dir', p.direction);
  }
  if (p.page > 1) next.set('page', String(p.page));
  return next;
}

export function useVendorListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseVendorListParams(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<VendorListParams>, options?: { replace?: boolean }) => {
      setSearchParams((current) => toSearchParams({ ...parseVendorListParams(current), ...change }), options);
    },
    [setSearchParams],
  );

  // Any change of filter starts again at page 1: the old page may no longer exist.
  const setSearch = useCallback((search: string) => update({ search, page: 1 }, { replace: true }), [update]);
  const setBands = useCallback((bands: BandFilter[]) => update({ bands, page: 1 }), [update]);
  const setTiers = useCallback((tiers: Tier[]) => update({ tiers, page: 1 }), [update]);
  const setPage = useCallback((page: number) => update({ page }), [update]);
  const clearFilters = useCallback(() => update({ search: '', bands: [], tiers: [], page: 1 }), [update]);
  const toggleSort = useCallback(
    (field: VendorSortField) => {
      const direction =
        field === params.sort ? (params.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field];
      update({ sort: field, direction, page: 1 });
    },
    [params.sort, params.direction, update],
  );

  const hasFilters = params.search !== '' || params.bands.length > 0 || params.tiers.length > 0;
  return { params, hasFilters, setSearch, setBands, setTiers, setPage, toggleSort, clearFilters };
}
