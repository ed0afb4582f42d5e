/** The carry-over rule: a carried answer counts only once confirmed or changed; how an answer compares with last time. */
import { describe, expect, it } from 'vitest';
import { answerChange, awaitsConfirmation, countsAsAnswered } from '#shared/carryOver.ts';

const at = new Date('2026-06-01T10:00:00Z');

describe('carried-over answers', () => {
  it('count as answered only once the vendor confirms or changes them', () => {
    expect(countsAsAnswered({ value: 'yes', carriedOver: true, confirmedAt: null })).toBe(false);
    expect(awaitsConfirmation({ value: 'yes', carriedOver: true, confirmedAt: null })).toBe(true);
    expect(countsAsAnswered({ value: 'yes', carriedOver: true, confirmedAt: at })).toBe(true);
    expect(countsAsAnswered({ value: 'no', carriedOver: false, confirmedAt: null })).toBe(true);
    // A comment alone is not an answer, carried or not.
    expect(countsAsAnswered({ value: null, carriedOver: false, confirmedAt: null })).toBe(false);
  });

  it('compare with last time: unconfirmed, unchanged, changed (value or comment), new', () => {
    const carried = { carriedOver: true, confirmedAt: at };
    expect(answerChange({ value: 'yes', comment: '', carriedOver: true, confirmedAt: null }, { value: 'yes', comment: '' }, true)).toBe('unconfirmed');
    expect(answerChange({ value: 'yes', comment: 'Keys for all', ...carried }, { value: 'yes', comment: 'Keys for all ' }, true)).toBe('unchanged');
    expect(answerChange({ value: 'yes', comment: '', ...carried }, { value: 'no', comment: '' }, true)).toBe('changed');
    expect(answerChange({ value: 'yes', comment: 'Now enforced', ...carried }, { value: 'yes', comment: '' }, true)).toBe('changed');
    expect(answerChange({ value: 'partial', comment: '', carriedOver: false, confirmedAt: null }, null, true)).toBe('new');
    // Without a previous assessment every answer is new (the review then shows no comparison at all).
    expect(answerChange({ value: 'partial', comment: '', carriedOver: false, confirmedAt: null }, null, false)).toBe('new');
    expect(answerChange(null, null, true)).toBeNull();
  });
});
