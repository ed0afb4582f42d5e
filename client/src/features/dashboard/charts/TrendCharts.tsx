/** A year of monthly snapshots: residual risk, vendors by band, and the remediation burn-down. */
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { monthLabel } from '../dashboardLabels.ts';
import type { TrendMonth } from '../types.ts';
import { AXIS_TICK, BAND_HEX } from './chartData.ts';
import { LEGEND_PROPS } from './chartParts.tsx';

const HEIGHT = 240;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };

function ChartFrame({ title, summary, children }: { title: string; summary: string; children: ReactElement }) {
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <div role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function change(months: readonly TrendMonth[], pick: (m: TrendMonth) => number | null, what: string): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return 'No data.';
  return `${what} went from ${pick(first) ?? 'none'} in ${monthLabel(first.month)} to ${pick(last) ?? 'none'} in ${monthLabel(last.month)}.`;
}

export function TrendCharts({ months }: { months: readonly TrendMonth[] }) {
  const data = months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  const last = months.at(-1);
  const bandSummary = last
    ? `In ${monthLabel(last.month)}: ${last.critical} critical, ${last.high} high, ${last.medium} medium, ${last.low} low, ${last.notAssessed} not assessed.`
    : 'No data.';
  return (
    <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="lg">
      <ChartFrame title="Portfolio residual risk" summary={`${change(months, (m) => m.totalResidual, 'Total residual risk')} ${change(months, (m) => m.averageResidual, 'The average')}`}>
        <LineChart data={data} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis yAxisId="total" tick={AXIS_TICK} width={44} />
          <YAxis yAxisId="average" orientation="right" domain={[0, 25]} tick={AXIS_TICK} width={32} />
          <Tooltip />
          <Legend {...LEGEND_PROPS} />
          <Line yAxisId="total" type="monotone" dataKey="totalResidual" name="Total (left axis)" stroke="#3b5bdb" strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="average" type="monotone" dataKey="averageResidual" name="Average per assessed vendor (right axis)" stroke="#c2255c" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title="Vendors by risk band" summary={bandSummary}>
        <AreaChart data={data} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={36} />
          <Tooltip />
          <Legend {...LEGEND_PROPS} />
          <Area type="monotone" dataKey="critical" name="Critical" stackId="bands" stroke={BAND_HEX.critical} fill={BAND_HEX.critical} fillOpacity={0.85} isAnimationActive={false} />
          <Area type="monotone" dataKey="high" name="High" stackId="bands" stroke={BAND_HEX.high} fill={BAND_HEX.high} fillOpacity={0.85} isAnimationActive={false} />
          <Area type="monotone" dataKey="medium" name="Medium" stackId="bands" stroke={BAND_HEX.medium} fill={BAND_HEX.medium} fillOpacity={0.85} isAnimationActive={false} />
          <Area type="monotone" dataKey="low" name="Low" stackId="bands" stroke={BAND_HEX.low} fill={BAND_HEX.low} fillOpacity={0.85} isAnimationActive={false} />
          <Area type="monotone" dataKey="notAssessed" name="Not assessed" stackId="bands" stroke={BAND_HEX.notAssessed} fill="#dee2e6" isAnimationActive={false} />
        </AreaChart>
      </ChartFrame>
      <ChartFrame title="Remediation burn-down" summary={`${change(months, (m) => m.openTasks, 'Open tasks')} ${change(months, (m) => m.overdueTasks, 'Overdue tasks')}`}>
        <LineChart data={data} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
          <Tooltip />
          <Legend {...LEGEND_PROPS} />
          <Line type="monotone" dataKey="openTasks" name="Open tasks" stroke="#3b5bdb" strokeWidth={2} isAnimationActive={false} />
          <Line type="monotone" dataKey="overdueTasks" name="Overdue tasks" stroke="#c92a2a" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
        </LineChart>
      </ChartFrame>
    </SimpleGrid>
  );
}
