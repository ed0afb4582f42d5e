/**
 * The one rule for which questions a vendor is asked and how many it has
 * answered (shared/templates/askedNow.ts), which the portal, the staff's
 * progress and the editor's preview all count by.
 */
import { describe, expect, it } from 'vitest';
import { askedQuestionnaire } from '#shared/templates/asked.ts';
import { askedNow, askedProgress } from '#shared/templates/askedNow.ts';
import { parseTemplateDefinition } from '#shared/templates/validate.ts';
import { saasPrescreen } from './fixtures.ts';

const parsed = parseTemplateDefinition(saasPrescreen());
if (!parsed.ok) throw new Error('the fixture template must be valid');
const { questions } = askedQuestionnaire(parsed.value);
const answer = (controlId: string, value: 'yes' | 'no' | null, extra: { carriedOver?: boolean; confirmedAt?: string | null; response?: { number: number } } = {}) => ({
  controlId,
  value,
  response: extra.response ?? null,
  carriedOver: extra.carriedOver ?? false,
  confirmedAt: extra.confirmedAt ?? null,
});
const ids = (given: Parameters<typeof askedNow>[1]) => askedNow(questions, given).map((q) => q.id);

describe('the questions a vendor is asked now', () => {
  it('waits for the routing answer before showing its follow-ups, shows them on Yes and hides them again on No', () => {
    expect(ids([])).toEqual(['IAM-01', 'sso', 'protections', 'has-integrations']);
    expect(ids([answer('has-integrations', 'yes')])).toEqual(['IAM-01', 'sso', 'protections', 'has-integrations', 'token-lifetime', 'integration-notes']);
    expect(ids([answer('has-integrations', 'no')])).toEqual(['IAM-01', 'sso', 'protections', 'has-integrations']);
  });

  it('counts as answered only the questions shown, and a carried-over answer once it is confirmed', () => {
    const kept = answer('token-lifetime', null, { response: { number: 14 } });
    expect(askedProgress(questions, [answer('has-integrations', 'yes'), kept])).toEqual({ answered: 2, total: 6 });
    // The lifetime is kept but no longer asked: it counts neither in the total nor as answered.
    expect(askedProgress(questions, [answer('has-integrations', 'no'), kept])).toEqual({ answered: 1, total: 4 });
    expect(askedProgress(questions, [answer('IAM-01', 'yes', { carriedOver: true })])).toEqual({ answered: 0, total: 4 });
    expect(askedProgress(questions, [answer('IAM-01', 'yes', { carriedOver: true, confirmedAt: '2026-06-01T00:00:00.000Z' })])).toEqual({ answered: 1, total: 4 });
  });
});
