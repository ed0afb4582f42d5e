/** The export's own rules: every task status reads as an OSCAL risk status, and every question id as an OSCAL token. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TASK_STATUSES } from '#shared/statuses.ts';
import { ID_PATTERN } from '#shared/templates/schema.ts';
import { REMEDIATION_LIFECYCLE, RISK_STATUS, oscalToken } from '#shared/oscalResults.ts';

// OSCAL's TokenDatatype (an XML NCName), as its JSON schema writes it.
const OSCAL_TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

describe('OSCAL risk status', () => {
  it('gives every task status one of the statuses OSCAL defines for a risk', () => {
    for (const status of TASK_STATUSES) {
      expect(['open', 'investigating', 'remediating', 'deviation-requested', 'deviation-approved', 'closed']).toContain(RISK_STATUS[status]);
      expect(['recommendation', 'planned', 'completed']).toContain(REMEDIATION_LIFECYCLE[status]);
    }
  });

  it('reads an accepted risk as an approved deviation, and only a verified fix as a completed remediation', () => {
    expect(RISK_STATUS.risk_accepted).toBe('deviation-approved');
    expect(TASK_STATUSES.filter((s) => REMEDIATION_LIFECYCLE[s] === 'completed')).toEqual(['closed']);
  });
});

describe('oscalToken', () => {
  it('keeps catalogue ids as they are and prefixes ids that start with a digit', () => {
    expect(oscalToken('IAM-01')).toBe('IAM-01');
    expect(oscalToken('1.2')).toBe('_1.2');
    expect(oscalToken('_x')).toBe('_x');
  });

  it('turns every id a template may use into a valid OSCAL token, and two ids never into one token', () => {
    const id = fc.stringMatching(ID_PATTERN);
    fc.assert(fc.property(id, (q) => OSCAL_TOKEN.test(oscalToken(q))));
    fc.assert(fc.property(id, id, (a, b) => a === b || oscalToken(a) !== oscalToken(b)));
  });
});
