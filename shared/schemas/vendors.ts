/** Inputs of the vendor procedures. */
import { z } from 'zod';
import { BAND_FILTERS } from '../filterValues.ts';
import { namedEnum, TierSchema } from './common.ts';

export const VendorIdInput = z.strictObject({
  id: z.int({ error: 'id must be a whole number' }).positive({ error: 'id must be positive' }),
});
export type VendorIdInput = z.infer<typeof VendorIdInput>;

// Defined without zod so the client can use them alone (see shared/filterValues.ts).
export { BAND_FILTERS, type BandFilter } from '../filterValues.ts';

export const VENDOR_SORT_FIELDS = ['risk', 'name', 'tier', 'grade', 'records', 'openTasks'] as const;
export type VendorSortField = (typeof VENDOR_SORT_FIELDS)[number];

export const VendorListInput = z.strictObject({
  search: z.string().trim().max(200, { error: 'search is too long' }).optional(),
  bands: z.array(namedEnum(BAND_FILTERS, 'band')).max(BAND_FILTERS.length).optional(),
  tiers: z.array(TierSchema).max(4).optional(),
  sort: namedEnum(VENDOR_SORT_FIELDS, 'sort field').default('risk'),
  direction: namedEnum(['asc', 'desc'], 'sort direction').default('desc'),
  page: z.int().min(1, { error: 'page starts at 1' }).max(100_000).default(1),
  pageSize: z.int().min(1).max(200, { error: 'pageSize is at most 200' }).default(50),
  includeArchived: z.boolean().default(false),
});
export type VendorListInput = z.input<typeof VendorListInput>;
export type VendorListOptions = z.output<typeof VendorListInput>;
