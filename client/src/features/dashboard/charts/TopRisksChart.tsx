/** Each top vendor's risk now beside where it would stand with its open tasks closed. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TopRisk } from '../types.ts';
import { AXIS_TICK, BAND_HEX, currentRisk } from './chartData.ts';
import { LEGEND_PROPS, NameTick } from './chartParts.tsx';

const ROW_HEIGHT = 30;

export function TopRisksChart({ vendors }: { vendors: readonly TopRisk[] }) {
  const data = vendors.map((v) => {
    const assessed = v.standing === 'assessed';
    return {
      name: v.name,
      current: currentRisk(v),
      // The words on the bar say what grey means, so the colour is never the only clue.
      currentLabel: assessed ? String(currentRisk(v)) : `${currentRisk(v)} inherent, not assessed`,
      projected: assessed ? v.projectedResidual : null,
      assessed,
    };
  });
  const summary = vendors
    .map((v) => `${v.name}: ${v.standing === 'assessed' ? `${v.residual ?? '-'} now, ${v.projectedResidual ?? '-'} projected` : `not assessed, inherent ${v.inherentResidual}`}`)
    .join('; ');
  return (
    <div role="img" aria-label={`Current and projected residual risk, out of 25. ${summary}.`}>
      <ResponsiveContainer width="100%" height={data.length * ROW_HEIGHT + 64}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} barGap={1} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 25]} ticks={[0, 5, 10, 15, 20, 25]} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="name" width={260} tick={NameTick} interval={0} />
          <Legend {...LEGEND_PROPS} />
          <Bar dataKey="current" name="Now (grey: inherent, not assessed)" fill={BAND_HEX.critical} barSize={12} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.assessed ? BAND_HEX.critical : BAND_HEX.notAssessed} />
            ))}
            <LabelList dataKey="currentLabel" position="insideLeft" fill="#fff" fontSize={11} />
          </Bar>
          <Bar dataKey="projected" name="Projected once open tasks close" fill="#364fc7" barSize={12} isAnimationActive={false}>
            <LabelList dataKey="projected" position="right" fill="#212529" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
