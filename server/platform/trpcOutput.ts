/**
 * How tRPC writes an answer: superjson's form, without superjson's walk when the answer is plain JSON.
 *
 * superjson walks every value of an answer to find the ones JSON cannot carry (Dates, undefined, -0, Maps, objects
 * reached twice), keeping paths and annotations as it goes. Most answers hold none: the whole dashboard (about 90 KB,
 * ADR 0045) took 5 ms to walk against 0.3 ms to stringify. For such an answer superjson's own result is `{ json: value }`
 * with no `meta`, so that is what is written after a cheaper check; anything else goes to superjson unchanged.
 */
import { transformer } from '#shared/transformer.ts';

/** Deeper than any answer Tollgate builds; beyond it, superjson decides. */
const MAX_CHECKED_DEPTH = 64;

/**
 * True when JSON carries `value` exactly and superjson would annotate nothing: null, booleans, strings, finite numbers
 * other than -0, and arrays and plain objects of those (by superjson's own test of plain), each object reached once
 * (superjson records a second path to the same object as a referential equality).
 */
function isPlainJson(value: unknown, seen: Set<object>, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth > MAX_CHECKED_DEPTH || seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        // An index loop, not every(): a hole in a sparse array reads as undefined, which JSON would turn into null.
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], seen, depth + 1)) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key of Object.keys(value)) {
        // superjson refuses these keys (prototype pollution): it, not this path, answers for them.
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
        if (!isPlainJson((value as Record<string, unknown>)[key], seen, depth + 1)) return false;
      }
      return true;
    }
    default:
      // undefined, bigint, symbol, function
      return false;
  }
}

export function serializeOutput(value: unknown): ReturnType<typeof transformer.serialize> {
  return isPlainJson(value, new Set(), 0) ? { json: value as ReturnType<typeof transformer.serialize>['json'] } : transformer.serialize(value);
}
