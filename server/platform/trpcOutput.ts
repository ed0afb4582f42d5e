/**
 * How tRPC writes an answer: superjson's form, without superjson's walk when the answer is JSON and Dates.
 *
 * superjson walks every value of an answer to find the ones JSON cannot carry (Dates, undefined, -0, Maps, objects
 * reached twice), keeping paths and annotations as it goes. Most answers hold nothing but JSON and Dates: the whole
 * dashboard (about 90 KB, ADR 0045) took 5 ms to walk against 0.3 ms to stringify, and a saved answer, with its
 * Dates, 6 µs against 1. For such an answer superjson's result is the value with each Date as its ISO text, and an
 * annotation `["Date"]` at each Date's path; that is what is written here after a cheaper walk, and anything else
 * goes to superjson unchanged. `trpcOutput.test.ts` checks the two write the same text for generated values.
 */
import { transformer } from '#shared/transformer.ts';

type Serialized = ReturnType<typeof transformer.serialize>;

/** Deeper than any answer Tollgate builds; beyond it, superjson decides. */
const MAX_CHECKED_DEPTH = 64;

interface Walk {
  seen: Set<object>;
  /** The keys from the answer down to the value being looked at. */
  path: (string | number)[];
  /** Where the Dates are, as superjson writes a path. */
  dates: string[];
}

/** A path as superjson writes it: keys joined by dots, a dot or backslash within a key escaped by a backslash. */
const superjsonPath = (path: (string | number)[]) => path.map((key) => String(key).replace(/\\/g, '\\\\').replace(/\./g, '\\.')).join('.');

/**
 * True when superjson would write `value` as JSON writes it, annotating nothing but Dates: null, booleans, strings,
 * finite numbers other than -0, valid Dates with no properties of their own, and arrays and plain objects of those
 * (by superjson's own test of plain), each object reached once (superjson records a second path to the same object as
 * a referential equality). Records each Date's path.
 */
function isJsonAndDates(value: unknown, walk: Walk, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth > MAX_CHECKED_DEPTH || walk.seen.has(value)) return false;
      walk.seen.add(value);
      if (Array.isArray(value)) {
        // An index loop, not every(): a hole in a sparse array reads as undefined, which JSON would turn into null.
        for (let i = 0; i < value.length; i++) {
          walk.path.push(i);
          const ok = isJsonAndDates(value[i], walk, depth + 1);
          walk.path.pop();
          if (!ok) return false;
        }
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Date.prototype) {
        // JSON writes a Date as its ISO text (toJSON), as superjson's json holds it. An invalid Date, or one given a
        // property of its own (a toJSON of its own would change what JSON writes), is superjson's to decide.
        if (Number.isNaN((value as Date).getTime()) || Reflect.ownKeys(value).length > 0 || walk.path.length === 0) return false;
        walk.dates.push(superjsonPath(walk.path));
        return true;
      }
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key of Object.keys(value)) {
        // superjson refuses these keys (prototype pollution): it, not this path, answers for them.
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
        walk.path.push(key);
        const ok = isJsonAndDates((value as Record<string, unknown>)[key], walk, depth + 1);
        walk.path.pop();
        if (!ok) return false;
      }
      return true;
    }
    default:
      // undefined, bigint, symbol, function
      return false;
  }
}

/**
 * The answer in superjson's form. Its `json` holds the Dates themselves: the answer is only ever written with
 * JSON.stringify, which writes each as the ISO text superjson would have put there.
 */
export function serializeOutput(value: unknown): Serialized {
  const walk: Walk = { seen: new Set(), path: [], dates: [] };
  if (!isJsonAndDates(value, walk, 0)) return transformer.serialize(value);
  const json = value as Serialized['json'];
  if (walk.dates.length === 0) return { json };
  return { json, meta: { values: Object.fromEntries(walk.dates.map((path) => [path, ['Date']])), v: 1 } as Serialized['meta'] };
}
