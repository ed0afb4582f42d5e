/**
 * Values the dashboard and vendor-list filters accept. They live outside
 * shared/schemas because those modules import zod: a page that only needs
 * the list of values would otherwise download the validation library too
 * (issue 16, the dashboard's JavaScript budget). The schemas build on these.
 */
import { RISK_BANDS } from './scoring/constants.ts';

/** Bands to filter on; "not_assessed" also matches vendors whose assessment expired. */
export const BAND_FILTERS = [...RISK_BANDS, 'not_assessed'] as const;
export type BandFilter = (typeof BAND_FILTERS)[number];

/** Which score the dashboard's heatmap places vendors by. */
export const HEATMAP_VIEWS = ['residual', 'inherent'] as const;
