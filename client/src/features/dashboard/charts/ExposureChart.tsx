/** Records each vendor holds, stacked by data category, on a linear or log scale. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRecords } from '../../../lib/format.ts';
import { categoryLabel } from '../../../lib/labels.ts';
import type { DataExposure } from '../types.ts';
import { AXIS_TICK, categoryColor, exposureCategories } from './chartData.ts';
import { LEGEND_PROPS, NameTick, niceCeiling } from './chartParts.tsx';

const ROW_HEIGHT = 30;

export function ExposureChart({ vendors, logScale }: { vendors: DataExposure['vendors']; logScale: boolean }) {
  const categories = exposureCategories(vendors);
  const total = (v: DataExposure['vendors'][number]) => v.holdings.reduce((sum, h) => sum + h.records, 0);
  const max = niceCeiling(Math.max(...vendors.map(total)));
  const data = vendors.map((v) => ({
    name: v.holdings.some((h) => h.excess > 0) ? `${v.name} (excess)` : v.name,
    ...Object.fromEntries(v.holdings.map((h) => [h.category, h.records])),
  }));
  const top = vendors[0];
  const summary = top
    ? `Records held by the ${vendors.length} vendors holding the most personal data, stacked by category${logScale ? ', on a log scale' : ''}. The largest is ${top.name}, with ${formatRecords(top.largestHolding)} records in its largest holding.`
    : 'No records held.';
  return (
    <div role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={data.length * ROW_HEIGHT + 120}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            scale={logScale ? 'log' : 'linear'}
            domain={logScale ? [1, max] : [0, max]}
            ticks={logScale ? logTicks(max) : [0, max / 4, max / 2, (3 * max) / 4, max]}
            allowDataOverflow={logScale}
            tickFormatter={(v: number) => formatRecords(v)}
            tick={AXIS_TICK}
          />
          <YAxis type="category" dataKey="name" width={260} tick={NameTick} interval={0} />
          <Tooltip formatter={(value, name) => [formatRecords(Number(value)), name]} />
          <Legend {...LEGEND_PROPS} />
          {categories.map((category) => (
            <Bar
              key={category}
              dataKey={category}
              name={categoryLabel(category)}
              stackId="records"
              fill={categoryColor(category)}
              stroke="#fff"
              strokeWidth={0.5}
              isAnimationActive={false}
              barSize={18}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** 1, 10, 100 ... up to the axis end. */
function logTicks(max: number): number[] {
  const ticks: number[] = [];
  for (let t = 1; t <= max; t *= 10) ticks.push(t);
  return ticks;
}
