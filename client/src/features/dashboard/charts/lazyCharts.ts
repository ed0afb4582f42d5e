/**
 * The charting library is the heaviest part of the page: its chunk loads
 * on demand, and preloadCharts() starts fetching it while the data loads,
 * so the two arrive together rather than one after the other.
 */
import { lazy } from 'react';

const loadExposure = () => import('./ExposureChart.tsx');
const loadTrends = () => import('./TrendCharts.tsx');
const loadTopRisks = () => import('./TopRisksChart.tsx');

export const ExposureChart = lazy(() => loadExposure().then((m) => ({ default: m.ExposureChart })));
export const TrendCharts = lazy(() => loadTrends().then((m) => ({ default: m.TrendCharts })));
export const TopRisksChart = lazy(() => loadTopRisks().then((m) => ({ default: m.TopRisksChart })));

export function preloadCharts(): void {
  // A failed preload is retried, and reported, when the chart itself renders.
  for (const load of [loadExposure, loadTrends, loadTopRisks]) load().catch(() => undefined);
}
