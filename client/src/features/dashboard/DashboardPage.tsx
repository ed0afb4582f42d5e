/**
 * The CISO's view of the portfolio: key figures, the risk heatmap, top
 * risks, trends, data exposure, failing controls and shared fourth parties.
 * Each section runs its own query (all fired at once, batched into one
 * request) and shows its own loading and error state, so one failure never
 * blanks the page. Filters, the heatmap view and the selected cell live in the URL.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { preloadCharts } from './charts/lazyCharts.ts';
import { DataExposureSection } from './components/DataExposureSection.tsx';
import { FailingControlsSection } from './components/FailingControlsSection.tsx';
import { ActiveFilters, FiltersBar } from './components/FiltersBar.tsx';
import { FourthPartiesSection } from './components/FourthPartiesSection.tsx';
import { HeatmapSection } from './components/HeatmapSection.tsx';
import { KeyFiguresSection } from './components/KeyFiguresSection.tsx';
import { TopRisksSection } from './components/TopRisksSection.tsx';
import { TrendsSection } from './components/TrendsSection.tsx';
import { useDashboardParams } from './hooks/useDashboardParams.ts';
import './dashboard.css';

export function DashboardPage() {
  const state = useDashboardParams();
  useEffect(() => preloadCharts(), []);
  return (
    <Stack gap="lg" className="dashboard">
      <title>Dashboard · Tollgate</title>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Portfolio dashboard</Title>
          <Text size="sm" c="gray.7">
            Every active vendor: where it stands, what data it holds, and which controls fail.
          </Text>
        </div>
        <Button variant="default" onClick={() => window.print()} className="no-print">
          Print
        </Button>
      </Group>
      <FiltersBar state={state} />
      <ActiveFilters params={state.params} />
      <KeyFiguresSection state={state} />
      <HeatmapSection state={state} />
      <TopRisksSection state={state} />
      <TrendsSection state={state} />
      <DataExposureSection state={state} />
      <FailingControlsSection state={state} />
      <FourthPartiesSection state={state} />
    </Stack>
  );
}
