/**
 * The small languages inside template CSV cells (docs/templates.md):
 *   options    id: label = score | id: label = score    (a new line also separates)
 *   bands      min..max = score | min..max = score      (min included, max not; either may be left out)
 *   condition  question = value, value                  (shown when that question's answer is any of them)
 *   flags      yes / no
 * In labels, write \| for a bar, \= for an equals sign and \\ for a backslash.
 * Each parser returns the value or a message for the cell.
 */
import type { ChoiceOption, Condition, ScoreBandInput } from '../schema.ts';
import { ID_PATTERN } from '../schema.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };
const good = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (message: string): CellResult<never> => ({ ok: false, message });

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumberCell(cell: string, what: string): CellResult<number> {
  if (!NUMBER.test(cell)) return bad(`${what} "${cell}" is not a number`);
  return good(Number(cell));
}

export const formatNumber = (n: number): string => String(n);

const TRUE_WORDS = ['yes', 'y', 'true', '1'];
const FALSE_WORDS = ['no', 'n', 'false', '0'];

export function parseFlagCell(cell: string, what: string): CellResult<boolean> {
  const word = cell.toLowerCase();
  if (TRUE_WORDS.includes(word)) return good(true);
  if (FALSE_WORDS.includes(word)) return good(false);
  return bad(`${what} must be "yes" or "no", not "${cell}"`);
}

export const formatFlag = (flag: boolean): string => (flag ? 'yes' : 'no');

/** Splits on unescaped bars and line ends, keeping escapes for the next step. */
function splitItems(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && i + 1 < cell.length) {
      current += ch + cell[i + 1]!;
      i++;
    } else if (ch === '|' || ch === '\n' || ch === '\r') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim());
}

function unescape(text: string): string {
  return text.replace(/\\([\\|=])/g, '$1');
}

const escapeLabel = (label: string): string => label.replace(/[\\|=]/g, (ch) => `\\${ch}`);

/** Index of the last "=" not escaped by a backslash, or -1. */
function lastUnescapedEquals(text: string): number {
  let found = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '=') found = i;
  }
  return found;
}

export function parseOptionsCell(cell: string): CellResult<ChoiceOption[]> {
  const options: ChoiceOption[] = [];
  const items = splitItems(cell).filter((item, i, all) => item !== '' || (i > 0 && i < all.length - 1));
  for (const [n, item] of items.entries()) {
    const which = `option ${n + 1}`;
    if (item === '') return bad(`${which} is empty: remove the extra "|"`);
    const colon = item.indexOf(':');
    const id = colon > 0 ? item.slice(0, colon).trim() : '';
    if (!ID_PATTERN.test(id)) {
      return bad(`${which} "${item}" has no id: write each option as "id: label = score", e.g. "yes: Yes, everywhere = 1"`);
    }
    const rest = item.slice(colon + 1);
    const eq = lastUnescapedEquals(rest);
    const label = unescape((eq >= 0 ? rest.slice(0, eq) : rest).trim());
    let score: number | null = null;
    if (eq >= 0) {
      const parsed = parseNumberCell(rest.slice(eq + 1).trim(), `The score of option "${id}"`);
      if (!parsed.ok) return parsed;
      score = parsed.value;
    }
    options.push({ id, label, score });
  }
  return good(options);
}

export function formatOptions(options: readonly ChoiceOption[]): string {
  return options.map((o) => `${o.id}: ${escapeLabel(o.label)}${o.score === null ? '' : ` = ${formatNumber(o.score)}`}`).join(' | ');
}

export function parseBandsCell(cell: string): CellResult<ScoreBandInput[]> {
  const bands: ScoreBandInput[] = [];
  for (const [n, item] of splitItems(cell).entries()) {
    const which = `band ${n + 1}`;
    const eq = item.lastIndexOf('=');
    const range = eq >= 0 ? item.slice(0, eq).trim() : item;
    const dots = range.indexOf('..');
    if (eq < 0 || dots < 0) return bad(`${which} "${item}" must read "min..max = score", e.g. "0..30 = 1"; leave min or max out for no bound`);
    const bound = (text: string, what: string): CellResult<number | null> => (text.trim() === '' ? good(null) : parseNumberCell(text.trim(), `The ${what} of ${which}`));
    const min = bound(range.slice(0, dots), 'min');
    if (!min.ok) return min;
    const max = bound(range.slice(dots + 2), 'max');
    if (!max.ok) return max;
    const score = parseNumberCell(item.slice(eq + 1).trim(), `The score of ${which}`);
    if (!score.ok) return score;
    bands.push({ min: min.value, max: max.value, score: score.value });
  }
  return good(bands);
}

export function formatBands(bands: readonly ScoreBandInput[]): string {
  const bound = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n));
  return bands.map((b) => `${bound(b.min)}..${bound(b.max)} = ${formatNumber(b.score)}`).join(' | ');
}

export function parseConditionCell(cell: string): CellResult<Condition> {
  const eq = cell.indexOf('=');
  const question = eq >= 0 ? cell.slice(0, eq).trim() : '';
  const values = eq >= 0 ? cell.slice(eq + 1).split(',').map((v) => v.trim()) : [];
  if (!ID_PATTERN.test(question) || values.length === 0 || values.some((v) => v === '')) {
    return bad(`The condition "${cell}" must read "question = value, value", e.g. "has-integrations = yes, partial"`);
  }
  return good({ question, anyOf: values });
}

export const formatCondition = (condition: Condition): string => `${condition.question} = ${condition.anyOf.join(', ')}`;
