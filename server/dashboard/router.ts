/**
 * The CISO's portfolio view: every number comes from stored scores in a few
 * queries, and each answer is kept until the data, the date or the next
 * assessment expiry changes it (dashboard/cache.ts).
 */
import type { z } from 'zod';
import { FiltersInput, HeatmapCellInput, HeatmapInput } from '#shared/schemas/dashboard.ts';
import type { Db } from '../platform/db/database.ts';
import { cachedView } from './cache.ts';
import { keyFigures } from './figures.ts';
import { heatmap, heatmapCell } from './heatmap.ts';
import { dataExposure, failingControls, fourthParties, ownerOptions, topRisks, trends } from './portfolio.ts';
import { readProcedure, router } from '../platform/trpc.ts';

/** A dashboard view: staff may read it, and its answer is cached per input (see cachedView). */
function view<Schema extends z.ZodType, T>(name: string, schema: Schema, compute: (db: Db, input: z.output<Schema>, now: Date) => T) {
  return readProcedure.input(schema).query(({ ctx, input }) => {
    const now = ctx.now();
    return cachedView(ctx.db, `${name}:${JSON.stringify(input)}`, now, () => compute(ctx.db, input as z.output<Schema>, now));
  });
}

export const dashboardRouter = router({
  heatmap: view('heatmap', HeatmapInput, (db, input, now) => heatmap(db, input.filters, input.view, now)),
  heatmapCell: view('heatmapCell', HeatmapCellInput, (db, input, now) => heatmapCell(db, input.filters, input.view, input.likelihood, input.impact, now)),
  keyFigures: view('keyFigures', FiltersInput, (db, input, now) => keyFigures(db, input.filters, now)),
  dataExposure: view('dataExposure', FiltersInput, (db, input, now) => dataExposure(db, input.filters, now)),
  failingControls: view('failingControls', FiltersInput, (db, input, now) => failingControls(db, input.filters, now)),
  fourthParties: view('fourthParties', FiltersInput, (db, input, now) => fourthParties(db, input.filters, now)),
  trends: view('trends', FiltersInput, (db, input, now) => trends(db, input.filters, now)),
  topRisks: view('topRisks', FiltersInput, (db, input, now) => topRisks(db, input.filters, now)),
  owners: readProcedure.query(({ ctx }) => ownerOptions(ctx.db)),
});
