/** Shapes of the dashboard API's answers, as the sections use them. */
import type { RouterOutputs } from '../../lib/trpc.ts';

type Dashboard = RouterOutputs['dashboard'];

export type Heatmap = Dashboard['heatmap'];
export type HeatmapView = Heatmap['view'];
export type HeatmapCellVendor = Dashboard['heatmapCell'][number];
export type NotAssessedVendor = Heatmap['notAssessed'][number];
export type KeyFigures = Dashboard['keyFigures'];
export type DataExposure = Dashboard['dataExposure'];
export type FailingControls = Dashboard['failingControls'];
export type FourthParty = Dashboard['fourthParties'][number];
export type TrendMonth = Dashboard['trends'][number];
export type TopRisk = Dashboard['topRisks'][number];
