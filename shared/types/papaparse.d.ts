/**
 * The part of papaparse that shared/ uses, declared without Node. The
 * published @types/papaparse reference Node's types, which would bring
 * process, require and the rest into the shared/ compile and defeat
 * tsconfig.shared.json; papaparse itself runs without Node (it touches
 * Node streams only when asked to read one). Server and client compiles
 * still use the published types.
 */
export interface ParseError {
  type: string;
  code: string;
  message: string;
  row?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

export function parse<T>(input: string, config?: { header?: false; delimiter?: string; skipEmptyLines?: boolean }): ParseResult<T>;

export function unparse(input: { fields: string[]; data: string[][] }, config?: { newline?: string; quotes?: boolean }): string;

declare const Papa: { parse: typeof parse; unparse: typeof unparse };
export default Papa;
