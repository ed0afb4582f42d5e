/** Legend settings every chart shares: series in the order drawn, and dark text (coloured text on white is too faint to read). */
import type { ReactNode } from 'react';

export const LEGEND_PROPS = {
  itemSorter: null,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: ReactNode) => <span style={{ color: '#212529' }}>{value}</span>,
} as const;

/** A round axis end above the largest value (1, 2 or 5 times a power of ten), so ticks read 0, 10 M, 20 M... */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 8, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

const MAX_NAME = 40;

/**
 * A vendor's name beside its bar, on one line. Recharts' own wrapping
 * measures text in another font size and breaks names that fit.
 */
export function NameTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const name = String(payload?.value ?? '');
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fill="#212529" fontSize={12}>
      <title>{name}</title>
      {name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name}
    </text>
  );
}
