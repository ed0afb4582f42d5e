/**
 * How tRPC reads a caller's input: superjson, checked first.
 *
 * superjson turns `{ json, meta }` back into values by walking `meta`, and
 * trusts it to be what its own serialiser wrote. A hand-written `meta`
 * breaks it in ways that reached the caller: `"values": "Date"` recurses
 * until the stack overflows (each character of a string is walked as a
 * tree again), unknown annotations and paths throw superjson's own errors,
 * and `referentialEqualities` can make the input contain itself, which
 * JSON.stringify later chokes on. So `meta` must have the shape superjson
 * writes, bounded in depth and size, its annotations only the plain types
 * Tollgate's inputs can hold, and no reference loops; anything else is a
 * 400 in our words, before superjson sees it.
 */
import { transformer } from '#shared/transformer.ts';
import { isRecord } from '#shared/isRecord.ts';
import { MAX_JSON_DEPTH } from './hostileInput.ts';
import { serializeOutput } from './trpcOutput.ts';

/** The annotations superjson writes for the values a Tollgate input can hold (no classes, symbols or custom types). */
const PLAIN_ANNOTATIONS = new Set(['undefined', 'bigint', 'Date', 'number', 'regexp', 'set', 'map', 'Error', 'URL']);
/** Far more annotated values than any form sends. */
const MAX_ANNOTATIONS = 10_000;

export const UNREADABLE_INPUT = 'The request could not be read: its input is not in the form Tollgate sends.';

class UnreadableInput extends Error {
  constructor() {
    super(UNREADABLE_INPUT);
  }
}

/** A superjson value-annotation tree: `[type]`, `[type, { key: tree }]`, or `{ key: tree }`. Throws when it is anything else. */
function checkTree(tree: unknown, depth: number, budget: { left: number }): void {
  if (depth > MAX_JSON_DEPTH || --budget.left < 0) throw new UnreadableInput();
  if (Array.isArray(tree)) {
    const [type, children, ...rest] = tree as unknown[];
    if (rest.length || typeof type !== 'string' || !PLAIN_ANNOTATIONS.has(type)) throw new UnreadableInput();
    if (children === undefined) return;
    if (!isRecord(children)) throw new UnreadableInput();
    for (const child of Object.values(children)) checkTree(child, depth + 1, budget);
    return;
  }
  if (!isRecord(tree)) throw new UnreadableInput();
  for (const child of Object.values(tree)) checkTree(child, depth + 1, budget);
}

const isPathList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= MAX_ANNOTATIONS && value.every((p) => typeof p === 'string');
/** Whether `path` is `within` or inside it, in superjson's dotted paths. */
const inside = (path: string, within: string) => path === within || path.startsWith(`${within}.`);

/**
 * Referential equalities say "these paths hold the same object as that one".
 * Allowed only between separate places: one pointing at itself or inside
 * itself (or at the whole input, superjson's array form) would make a loop.
 */
function checkEqualities(equalities: unknown): void {
  if (Array.isArray(equalities)) throw new UnreadableInput();
  if (!isRecord(equalities)) throw new UnreadableInput();
  for (const [source, copies] of Object.entries(equalities)) {
    if (!isPathList(copies) || copies.some((copy) => inside(copy, source) || inside(source, copy))) throw new UnreadableInput();
  }
}

function checkEnvelope(payload: unknown): void {
  if (!isRecord(payload)) throw new UnreadableInput();
  const meta = payload.meta;
  if (meta === undefined) return;
  if (!isRecord(meta)) throw new UnreadableInput();
  for (const key of Object.keys(meta)) if (key !== 'values' && key !== 'referentialEqualities' && key !== 'v') throw new UnreadableInput();
  if (meta.v !== undefined && meta.v !== 1) throw new UnreadableInput();
  if (meta.values !== undefined) checkTree(meta.values, 0, { left: MAX_ANNOTATIONS });
  if (meta.referentialEqualities !== undefined) checkEqualities(meta.referentialEqualities);
}

/** Reads one call's input; a 400 with a fixed message (tRPC answers a throw here as BAD_REQUEST) when it is not what the app sends. */
export function deserializeInput(payload: unknown): unknown {
  checkEnvelope(payload);
  try {
    return transformer.deserialize(payload as Parameters<typeof transformer.deserialize>[0]);
  } catch {
    // superjson's own messages name its internals: ours says what is wrong for the caller.
    throw new UnreadableInput();
  }
}

/** The transformer the server's router uses: superjson's form both ways, inputs read through deserializeInput, answers written by serializeOutput. */
export const serverTransformer = {
  input: { serialize: (value: unknown) => transformer.serialize(value), deserialize: deserializeInput },
  output: { serialize: serializeOutput, deserialize: (payload: Parameters<typeof transformer.deserialize>[0]) => transformer.deserialize(payload) },
};
