/**
 * Problems found in a template or an import file. Each names where it is:
 * a JSON path into the document ("questions[3].condition.question"), or a
 * CSV row and column. Parsing is all or nothing: any issue means no template.
 */

export interface TemplateIssue {
  /** Where: a JSON path ("questions[3].options"), or for CSV "row 4, column condition". Empty for the whole document. */
  path: string;
  message: string;
  /** For CSV: the row as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  /** For CSV: the column at fault, when one is. */
  column?: string | null;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: TemplateIssue[] };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const failed = <T = never>(issues: TemplateIssue[]): ParseResult<T> => ({ ok: false, issues });

/** ["questions", 3, "condition"] -> "questions[3].condition" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Joins a prefix and a path: ("catalog", "groups[0]") -> "catalog.groups[0]". */
export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** "a", "b" and "c" for messages. */
export function quoteList(values: readonly string[], limit = 12): string {
  const shown = values.slice(0, limit).map((v) => `"${v}"`);
  const more = values.length > limit ? ` and ${values.length - limit} more` : '';
  if (shown.length <= 1) return `${shown.join('')}${more}`;
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
