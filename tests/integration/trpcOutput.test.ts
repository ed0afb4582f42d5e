/**
 * Answers are written in superjson's form whether or not superjson walks them (server/platform/trpcOutput.ts): for any
 * value, what the server writes is exactly what superjson would have written, and reads back to the same value.
 */
import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeOutput } from '../../server/platform/trpcOutput.ts';

/** What a client reads from an answer: the JSON text sent, parsed and given to superjson. */
const readBack = (serialized: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(serialized)) as Parameters<typeof superjson.deserialize>[0]);

/** The outcome of serialising: the JSON text sent, or the error refused with. */
function written(serialize: (value: unknown) => unknown, value: unknown): { text: string } | { error: string } {
  try {
    return { text: JSON.stringify(serialize(value)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

class Money {
  readonly cents: number;
  constructor(cents: number) {
    this.cents = cents;
  }
}

describe('answers written without a superjson walk', () => {
  it('are what superjson writes, for generated values of every kind', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withObjectString: true,
      withBoxedValues: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        expect(written(serializeOutput, value)).toEqual(written((v) => superjson.serialize(v), value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leave to superjson the values JSON would change: -0, NaN, undefined, holes, classes, one object twice, refused keys', () => {
    const shared = { id: 7 };
    const cases: unknown[] = [
      -0,
      { total: NaN },
      { limit: Infinity },
      { note: undefined },
      [1, undefined, 3],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { price: new Money(250) },
      { a: shared, b: shared },
      [shared, [shared]],
      JSON.parse('{"__proto__": {"admin": true}}'),
      { constructor: 'x' },
      Object.assign(Object.create(null), { plain: true }),
    ];
    for (const value of cases) {
      expect(written(serializeOutput, value)).toEqual(written((v) => superjson.serialize(v), value));
      // Whatever superjson annotates survives the trip as it would through superjson alone.
      if (!('error' in written(serializeOutput, value))) expect(readBack(serializeOutput(value))).toEqual(readBack(superjson.serialize(value)));
    }
  });

  it('write Dates as superjson does, wherever they are, and read them back as Dates', () => {
    const at = new Date('2026-06-15T09:00:00Z');
    const withOwnProperty = Object.assign(new Date('2026-06-15T09:00:00Z'), { label: 'due' });
    const cases: unknown[] = [
      // A saved answer, as the portal gets it back.
      { controlId: 'IAM-01', value: 'yes', revision: 3, answeredAt: at, confirmedAt: null },
      { rows: [{ id: 1, dueAt: new Date('2026-07-01T00:00:00Z'), closedAt: null }, { id: 2, dueAt: new Date('2026-08-01T00:00:00Z') }] },
      [new Date(0), { nested: [new Date(1)] }],
      // Keys superjson escapes in a path.
      { 'a.b': new Date(2), 'c\\d': { 'e.': new Date(3) }, '0': new Date(4) },
      // Left to superjson: the same Date twice, an invalid one, one with a property of its own, a Date alone.
      { opened: at, due: at },
      { at: new Date(Number.NaN) },
      { at: withOwnProperty },
      at,
    ];
    for (const value of cases) {
      expect(written(serializeOutput, value)).toEqual(written((v) => superjson.serialize(v), value));
      expect(readBack(serializeOutput(value))).toEqual(readBack(superjson.serialize(value)));
    }
    expect(readBack(serializeOutput({ answeredAt: at }))).toEqual({ answeredAt: at });
  });

  it('write a plain answer as the value itself, with nothing to restore', () => {
    const answer = { rows: [{ id: 1, name: 'Acme', tier: 2, band: null, tags: ['cloud'] }], total: 1, ok: true };
    expect(serializeOutput(answer)).toEqual({ json: answer });
    expect(superjson.deserialize(serializeOutput(answer))).toEqual(answer);
  });
});
