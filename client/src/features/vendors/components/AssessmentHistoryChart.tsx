/** Score of each completed assessment over time; each point is coloured and labelled with the risk band it gave. */
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RiskBand } from '#shared/scoring/constants.ts';
import { cssColor } from '../../../components/bandColor.ts';
import { formatDate } from '../../../lib/format.ts';
import { BAND_COLORS } from '../../../lib/labels.ts';

export interface HistoryPoint {
  time: number;
  score: number;
  band: RiskBand | null;
  bandLabel: string;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: HistoryPoint;
}

function BandDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined) return null;
  const fill = payload?.band ? cssColor(BAND_COLORS[payload.band]) : 'var(--mantine-color-gray-6)';
  return <circle cx={cx} cy={cy} r={7} fill={fill} stroke="#fff" strokeWidth={2} />;
}

export function AssessmentHistoryChart({ points, label }: { points: readonly HistoryPoint[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={[...points]} margin={{ top: 28, right: 32, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            padding={{ left: 40, right: 40 }}
            tickFormatter={(t: number) => formatDate(new Date(t))}
            tick={{ fill: '#495057', fontSize: 12 }}
            ticks={points.map((p) => p.time)}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#495057', fontSize: 12 }} width={40} />
          <Line dataKey="score" stroke="#495057" strokeWidth={2} isAnimationActive={false} dot={(props) => <BandDot key={`${String(props.index)}`} cx={props.cx} cy={props.cy} payload={props.payload as HistoryPoint} />}>
            <LabelList dataKey="bandLabel" position="top" offset={12} fill="#212529" fontSize={12} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
