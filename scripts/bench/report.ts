/**
 * What the bench prints: a table for people and, last, one JSON line with
 * fixed keys for tools (and for the smoke test, which checks every key).
 */

/** The keys of the JSON line, in order. Issue 16 defines them; tools read them. */
export const FIGURE_KEYS = [
  'dashboard_p50_ms',
  'dashboard_p95_ms',
  'dashboard_sql_ms',
  'ratio_dashboard_vs_sql',
  'vendor_list_p95_ms',
  'vendor_page_p95_ms',
  'answer_save_rps',
  'answer_save_p99_ms',
  'trpc_noop_rps',
  'ratio_save_vs_noop',
  'link_noop_rps',
  'bare_route_rps',
  'rescore_all_ms',
  'import_10k_ms',
  'startup_ms',
  'rss_mb',
  'portal_js_gz_kb',
  'dashboard_js_gz_kb',
] as const;

export type Figures = Record<(typeof FIGURE_KEYS)[number], number>;

export interface Row {
  what: string;
  value: string;
  /** The target from issue 16, if it sets one. */
  target?: string;
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);

export function figuresJson(figures: Figures): string {
  return JSON.stringify(Object.fromEntries(FIGURE_KEYS.map((key) => [key, round(figures[key])])));
}

export function table(title: string, rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  return [title, ...rows.map((r) => `  ${r.what.padEnd(width)}  ${r.value.padStart(valueWidth)}${r.target ? `   (target ${r.target})` : ''}`)].join('\n');
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
export const perSecond = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;
export const ratio = (x: number) => x.toFixed(2);
