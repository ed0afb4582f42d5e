/**
 * The dashboard's filters, heatmap view and selected cell, kept in the URL
 * so a view can be shared and survives a reload. Values the URL cannot hold
 * are dropped rather than sent to the server.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { BAND_FILTERS, HEATMAP_VIEWS, type BandFilter } from '#shared/filterValues.ts';
import { TIERS, type Level, type Tier } from '#shared/scoring/constants.ts';
import { SERVICE_TYPES, type ServiceType } from '#shared/taxonomy.ts';
import type { HeatmapView } from '../types.ts';

export interface HeatmapCellRef {
  likelihood: Level;
  impact: Level;
}

export interface DashboardParams {
  tiers: Tier[];
  services: ServiceType[];
  owners: string[];
  bands: BandFilter[];
  view: HeatmapView;
  cell: HeatmapCellRef | null;
}

/** The server accepts at most 50 owners of up to 200 characters. */
const MAX_OWNERS = 50;
const MAX_OWNER_LENGTH = 200;

function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

function parseCell(value: string | null): HeatmapCellRef | null {
  const match = /^([1-5])x([1-5])$/.exec(value ?? '');
  return match ? { likelihood: Number(match[1]) as Level, impact: Number(match[2]) as Level } : null;
}

export function parseDashboardParams(params: URLSearchParams): DashboardParams {
  const view = params.get('view');
  return {
    tiers: [...new Set(params.getAll('tier').map(Number))].filter((t) => isOneOf(TIERS, t)),
    services: [...new Set(params.getAll('service'))].filter((s) => isOneOf(SERVICE_TYPES, s)),
    owners: [...new Set(params.getAll('owner').map((o) => o.trim()))].filter((o) => o && o.length <= MAX_OWNER_LENGTH).slice(0, MAX_OWNERS),
    bands: [...new Set(params.getAll('band'))].filter((b) => isOneOf(BAND_FILTERS, b)),
    view: isOneOf(HEATMAP_VIEWS, view) ? view : 'residual',
    cell: parseCell(params.get('cell')),
  };
}

function toSearchParams(p: DashboardParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const tier of p.tiers) next.append('tier', String(tier));
  for (const service of p.services) next.append('service', service);
  for (const owner of p.owners) next.append('owner', owner);
  for (const band of p.bands) next.append('band', band);
  if (p.view !== 'residual') next.set('view', p.view);
  if (p.cell) next.set('cell', `${p.cell.likelihood}x${p.cell.impact}`);
  return next;
}

/** The filters as the API takes them: empty lists left out, so equal views share one cache entry. */
export function toApiFilters(p: DashboardParams): DashboardFilters {
  const filters: DashboardFilters = {};
  if (p.tiers.length) filters.tiers = p.tiers;
  if (p.services.length) filters.services = p.services;
  if (p.owners.length) filters.owners = p.owners;
  if (p.bands.length) filters.bands = p.bands;
  return filters;
}

export function useDashboardParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseDashboardParams(searchParams), [searchParams]);
  const filters = useMemo(() => toApiFilters(params), [params]);

  const update = useCallback(
    (change: Partial<DashboardParams>) => {
      setSearchParams((current) => toSearchParams({ ...parseDashboardParams(current), ...change }));
    },
    [setSearchParams],
  );

  const setTiers = useCallback((tiers: Tier[]) => update({ tiers }), [update]);
  const setServices = useCallback((services: ServiceType[]) => update({ services }), [update]);
  const setOwners = useCallback((owners: string[]) => update({ owners }), [update]);
  const setBands = useCallback((bands: BandFilter[]) => update({ bands }), [update]);
  // A cell of one view means nothing in the other: the selection goes with the view.
  const setView = useCallback((view: HeatmapView) => update({ view, cell: null }), [update]);
  const setCell = useCallback((cell: HeatmapCellRef | null) => update({ cell }), [update]);
  const clearFilters = useCallback(() => update({ tiers: [], services: [], owners: [], bands: [] }), [update]);

  const hasFilters = Object.keys(filters).length > 0;
  return { params, filters, hasFilters, setTiers, setServices, setOwners, setBands, setView, setCell, clearFilters };
}

export type DashboardState = ReturnType<typeof useDashboardParams>;
