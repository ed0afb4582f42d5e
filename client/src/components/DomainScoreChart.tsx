/** Horizontal bars of domain scores, coloured by the grade each score would earn. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { GRADE_THRESHOLDS, type Grade } from '#shared/scoring/constants.ts';
import { GRADE_COLORS } from '../lib/labels.ts';
import { cssColor } from './bandColor.ts';

export interface DomainBar {
  name: string;
  axisLabel: string;
  score: number;
  label: string;
  applicable: boolean;
}

const ROW_HEIGHT = 36;

function gradeOf(score: number): Grade {
  return GRADE_THRESHOLDS.find((t) => score >= t.minScore)?.grade ?? 'F';
}

export function DomainScoreChart({ bars }: { bars: readonly DomainBar[] }) {
  const summary = bars.map((b) => `${b.name} ${b.applicable ? `${b.label} of 100` : 'not applicable'}`).join('; ');
  return (
    // The bars are one picture to assistive technology; the table beside it has the numbers.
    <div role="img" aria-label={`Score by domain, out of 100: ${summary}.`}>
      <ResponsiveContainer width="100%" height={bars.length * ROW_HEIGHT + 40}>
        <BarChart data={[...bars]} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#495057', fontSize: 12 }} />
          <YAxis type="category" dataKey="axisLabel" width={150} tick={{ fill: '#212529', fontSize: 12 }} interval={0} />
          <Bar dataKey="score" isAnimationActive={false} barSize={18}>
            {bars.map((b) => (
              <Cell key={b.name} fill={cssColor(GRADE_COLORS[gradeOf(b.score)] ?? 'gray.7')} />
            ))}
            <LabelList dataKey="label" position="right" fill="#212529" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
