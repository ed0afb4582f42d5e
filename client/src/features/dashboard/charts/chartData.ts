/**
 * Colours and data shaping for the charts, without the charting library (so
 * the sections can use them before its chunk arrives). Data categories take a hue by sensitivity (blue
 * for level 1 up to red for level 4), so the most sensitive records stand
 * out; every chart also has its numbers in a table, so nothing rests on colour.
 */
import { DATA_CATEGORIES, findDataCategory, type SensitivityLevel } from '#shared/taxonomy.ts';
import type { DataExposure, TopRisk } from '../types.ts';

const PALETTES: Record<SensitivityLevel, readonly string[]> = {
  1: ['#4263eb', '#339af0', '#748ffc', '#74c0fc', '#1c7ed6'],
  2: ['#099268', '#20c997', '#37b24d', '#1098ad', '#63e6be', '#69db7c'],
  3: ['#e8590c', '#ff922b', '#f59f00', '#ffc078'],
  4: ['#c92a2a', '#c2255c', '#fa5252', '#9c36b5', '#f06595', '#ff8787', '#cc5de8', '#862e9c'],
};

const CATEGORY_COLORS: ReadonlyMap<string, string> = new Map(
  ([1, 2, 3, 4] as const).flatMap((level) => {
    const palette = PALETTES[level];
    return DATA_CATEGORIES.filter((c) => c.level === level).map((c, i) => [c.id, palette[i % palette.length]!] as const);
  }),
);

export function categoryColor(id: string): string {
  return CATEGORY_COLORS.get(id) ?? '#868e96';
}

/** Most sensitive first, then by the order of the taxonomy. */
export function bySensitivity(a: string, b: string): number {
  const la = findDataCategory(a)?.level ?? 0;
  const lb = findDataCategory(b)?.level ?? 0;
  const ia = DATA_CATEGORIES.findIndex((c) => c.id === a);
  const ib = DATA_CATEGORIES.findIndex((c) => c.id === b);
  return lb - la || ia - ib;
}

/** Band colours as hex, for SVG (Mantine's: green.7, yellow.6, orange.6, red.9) and grey for not assessed. */
export const BAND_HEX = { low: '#37b24d', medium: '#fab005', high: '#fd7e14', critical: '#c92a2a', notAssessed: '#868e96' } as const;

export const AXIS_TICK = { fill: '#495057', fontSize: 12 } as const;

/** The categories the vendors hold records of, most sensitive first. */
export function exposureCategories(vendors: DataExposure['vendors']): string[] {
  return [...new Set(vendors.flatMap((v) => v.holdings.filter((h) => h.records > 0).map((h) => h.category)))].sort(bySensitivity);
}

/** The risk a vendor is ranked at: its residual, or its inherent risk when no current assessment vouches for it. */
export function currentRisk(v: TopRisk): number {
  return v.standing === 'assessed' ? (v.residual ?? v.inherentResidual) : v.inherentResidual;
}
