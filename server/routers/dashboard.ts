/** The CISO's portfolio view: every number comes from stored scores in a few queries. */
import { FiltersInput, HeatmapCellInput, HeatmapInput } from '../../shared/schemas/dashboard.ts';
import { keyFigures } from '../services/dashboard/figures.ts';
import { heatmap, heatmapCell } from '../services/dashboard/heatmap.ts';
import { dataExposure, failingControls, fourthParties, ownerOptions, topRisks, trends } from '../services/dashboard/portfolio.ts';
import { readProcedure, router } from '../trpc.ts';

export const dashboardRouter = router({
  heatmap: readProcedure.input(HeatmapInput).query(({ ctx, input }) => heatmap(ctx.db, input.filters, input.view, ctx.now())),
  heatmapCell: readProcedure.input(HeatmapCellInput).query(({ ctx, input }) => heatmapCell(ctx.db, input.filters, input.view, input.likelihood, input.impact, ctx.now())),
  keyFigures: readProcedure.input(FiltersInput).query(({ ctx, input }) => keyFigures(ctx.db, input.filters, ctx.now())),
  dataExposure: readProcedure.input(FiltersInput).query(({ ctx, input }) => dataExposure(ctx.db, input.filters, ctx.now())),
  failingControls: readProcedure.input(FiltersInput).query(({ ctx, input }) => failingControls(ctx.db, input.filters, ctx.now())),
  fourthParties: readProcedure.input(FiltersInput).query(({ ctx, input }) => fourthParties(ctx.db, input.filters, ctx.now())),
  trends: readProcedure.input(FiltersInput).query(({ ctx, input }) => trends(ctx.db, input.filters, ctx.now())),
  topRisks: readProcedure.input(FiltersInput).query(({ ctx, input }) => topRisks(ctx.db, input.filters, ctx.now())),
  owners: readProcedure.query(({ ctx }) => ownerOptions(ctx.db)),
});
