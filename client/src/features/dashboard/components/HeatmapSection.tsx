/** The likelihood x impact heatmap, residual or inherent, with the vendors kept apart because nobody has assessed them. */
import { Grid, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '#shared/scoring/constants.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import { pluralise } from '../../../lib/format.ts';
import { BAND_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { LEVELS } from '../dashboardLabels.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { Heatmap, HeatmapView } from '../types.ts';
import { CellVendors } from './CellVendors.tsx';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { countsByCell, HeatmapGrid } from './HeatmapGrid.tsx';
import { NotAssessedList } from './NotAssessedList.tsx';
import { NoVendors, QueryContent } from './QueryContent.tsx';

const VIEWS: { value: HeatmapView; label: string }[] = [
  { value: 'residual', label: 'Residual' },
  { value: 'inherent', label: 'Inherent' },
];

const CSV_COLUMNS = ['Likelihood', 'Likelihood label', 'Impact', 'Impact label', 'Risk score', 'Band', 'Vendors'];

function csvRows(heatmap: Heatmap) {
  const counts = countsByCell(heatmap.cells);
  return [...LEVELS].reverse().flatMap((likelihood) =>
    LEVELS.map((impact) => ({
      Likelihood: likelihood,
      'Likelihood label': LIKELIHOOD_LABELS[likelihood],
      Impact: impact,
      'Impact label': IMPACT_LABELS[impact],
      'Risk score': likelihood * impact,
      Band: BAND_LABELS[bandForResidual(likelihood * impact)],
      Vendors: counts.get(`${likelihood}x${impact}`) ?? 0,
    })),
  );
}

export function HeatmapSection({ state }: { state: DashboardState }) {
  const { params, filters } = state;
  const query = useQuery(trpc.dashboard.heatmap.queryOptions({ filters, view: params.view }, { placeholderData: keepPreviousData }));
  const labelId = useId();
  const heatmap = query.data;
  return (
    <DashboardSection
      title="Risk heatmap"
      description={
        params.view === 'residual'
          ? 'Where assessed vendors stand now: likelihood from their controls, impact from the data they hold.'
          : 'Before any controls: every vendor at likelihood Almost certain, by the impact of a breach there.'
      }
      actions={
        heatmap ? <CsvButton name={`${params.view} heatmap`} columns={CSV_COLUMNS} rows={() => csvRows(heatmap)} /> : null
      }
    >
      <Stack gap={4} className="no-print">
        <Text id={labelId} size="sm" fw={600}>
          Risk view
        </Text>
        <SegmentedControl aria-labelledby={labelId} data={VIEWS} value={params.view} onChange={state.setView} w="fit-content" />
      </Stack>
      <QueryContent query={query} what="the heatmap">
        {(data) => {
          const total = data.cells.reduce((sum, c) => sum + c.count, 0);
          if (total === 0 && data.notAssessedTotal === 0) return <NoVendors hasFilters={state.hasFilters} />;
          return (
            <Stack gap="md">
              <Grid gap="lg">
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <HeatmapGrid heatmap={data} selected={params.cell} onSelect={state.setCell} />
                  <Text size="xs" c="gray.7" mt={4}>
                    {pluralise(total, 'vendor')} on the matrix. Select a cell with vendors to list them.
                  </Text>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <NotAssessedList heatmap={data} />
                </Grid.Col>
              </Grid>
              {params.cell ? <CellVendors cell={params.cell} view={params.view} filters={filters} onClose={() => state.setCell(null)} /> : null}
            </Stack>
          );
        }}
      </QueryContent>
    </DashboardSection>
  );
}
