/** Filters shared by every dashboard view; the client keeps them in the URL. */
import { z } from 'zod';
import { SERVICE_TYPES } from '../taxonomy.ts';
import { BAND_FILTERS, HEATMAP_VIEWS } from '../filterValues.ts';
import { namedEnum, TierSchema } from './common.ts';

export const DashboardFilters = z.strictObject({
  tiers: z.array(TierSchema).max(4).optional(),
  services: z.array(namedEnum(SERVICE_TYPES, 'service type')).max(SERVICE_TYPES.length).optional(),
  owners: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  bands: z.array(namedEnum(BAND_FILTERS, 'band')).max(BAND_FILTERS.length).optional(),
});
export type DashboardFilters = z.output<typeof DashboardFilters>;

export { HEATMAP_VIEWS } from '../filterValues.ts';
export const HeatmapInput = z.strictObject({ filters: DashboardFilters.default({}), view: namedEnum(HEATMAP_VIEWS, 'view').default('residual') });
export const HeatmapCellInput = z.strictObject({
  filters: DashboardFilters.default({}),
  view: namedEnum(HEATMAP_VIEWS, 'view').default('residual'),
  likelihood: z.int().min(1).max(5),
  impact: z.int().min(1).max(5),
});
export const FiltersInput = z.strictObject({ filters: DashboardFilters.default({}) });
