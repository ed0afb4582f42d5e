/**
 * The properties of docs/scoring.md section 12 (from the handbook's
 * section 7), checked on thousands of generated vendors with fast-check,
 * including the two about the access path (section 15).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORY_IDS, DATA_SUBJECTS, SERVICE_TYPES, ACCESS_LEVELS } from '#shared/taxonomy.ts';
import { RISK_BANDS, type AnswerValue, type Level } from '#shared/scoring/constants.ts';
import type { AnswerMap } from '#shared/scoring/controlScore.ts';
import { computeInherentImpact, type HoldingInput } from '#shared/scoring/impact.ts';
import { scoreVendor, type VendorScoreInput } from '#shared/scoring/scoreVendor.ts';
import type { IntegrationAccess } from '#shared/scoring/accessPath.ts';
import { CORE_CONTROLS } from './examples.ts';

const levelArb = fc.constantFrom<Level>(1, 2, 3, 4, 5);
const holdingArb: fc.Arbitrary<HoldingInput> = fc.record({
  category: fc.constantFrom(...DATA_CATEGORY_IDS),
  subjects: fc.constantFrom(...DATA_SUBJECTS),
  records: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 20_000_000 })),
  needed: fc.boolean(),
});
/** An answer, or undefined for unanswered. N/A only appears where the control allows it, plus a few invalid ones. */
const answerArb = fc.option(fc.constantFrom<AnswerValue>('yes', 'partial', 'no', 'na'), { nil: undefined, freq: 4 });
const answersArb: fc.Arbitrary<AnswerMap> = fc
  .tuple(...CORE_CONTROLS.map(() => fc.tuple(answerArb, fc.boolean())))
  .map((pairs) => {
    const map: Record<string, { value: AnswerValue; rejected?: boolean }> = {};
    pairs.forEach(([value, rejected], i) => {
      if (value !== undefined) map[CORE_CONTROLS[i]!.id] = rejected && value === 'yes' ? { value, rejected: true } : { value };
    });
    return map;
  });
/** Answers close to Yes everywhere: the vendors whose likelihood is not already at its worst. */
const mostlyYesArb: fc.Arbitrary<AnswerMap> = fc
  .tuple(...CORE_CONTROLS.map(() => fc.oneof({ weight: 12, arbitrary: fc.constant<AnswerValue | undefined>('yes') }, { weight: 1, arbitrary: answerArb })))
  .map((values) => {
    const map: Record<string, { value: AnswerValue }> = {};
    values.forEach((value, i) => {
      if (value !== undefined) map[CORE_CONTROLS[i]!.id] = { value };
    });
    return map;
  });
const integrationArb: fc.Arbitrary<IntegrationAccess> = fc.record({
  name: fc.constantFrom('CRM sync', 'Zendesk bridge', 'Data loader', 'IdP admin'),
  access: fc.constantFrom(...ACCESS_LEVELS),
});
const vendorArb: fc.Arbitrary<VendorScoreInput> = fc.record({
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 3 }),
  access: fc.constantFrom(...ACCESS_LEVELS),
  integrations: fc.array(integrationArb, { maxLength: 3 }),
  criticality: levelArb,
  holdings: fc.array(holdingArb, { maxLength: 8 }),
  controls: fc.constant(CORE_CONTROLS),
  answers: fc.oneof(answersArb, mostlyYesArb),
});
/** The connected-app controls the access path makes critical for write and privileged vendors. */
const CONNECTED_APP = ['INT-01', 'INT-02', 'INT-05'] as const;

const bandRank = (band: string) => RISK_BANDS.indexOf(band as (typeof RISK_BANDS)[number]);
const gradeRank = (grade: string) => ['A', 'B', 'C', 'D', 'F'].indexOf(grade);
/** Order of answers from worst to best; undefined is unanswered. */
const LADDER: (AnswerValue | undefined)[] = [undefined, 'no', 'partial', 'yes'];

describe('scoring properties', () => {
  it('is monotone in answers: moving one answer towards Yes never raises likelihood, residual or band, nor lowers score or grade', () => {
    fc.assert(
      fc.property(vendorArb, fc.nat({ max: CORE_CONTROLS.length - 1 }), fc.nat({ max: 2 }), (vendor, index, step) => {
        const id = CORE_CONTROLS[index]!.id;
        const lower = LADDER[step];
        const higher = LADDER[step + 1];
        const withAnswer = (value: AnswerValue | undefined): AnswerMap => {
          const map: Record<string, AnswerMap[string]> = { ...vendor.answers };
          if (value === undefined) delete map[id];
          else map[id] = { value };
          return map;
        };
        const before = scoreVendor({ ...vendor, answers: withAnswer(lower) });
        const after = scoreVendor({ ...vendor, answers: withAnswer(higher) });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(gradeRank(after.grade)).toBeLessThanOrEqual(gradeRank(before.grade));
        expect(after.likelihood.likelihood).toBeLessThanOrEqual(before.likelihood.likelihood);
        expect(after.residual).toBeLessThanOrEqual(before.residual);
        expect(bandRank(after.band)).toBeLessThanOrEqual(bandRank(before.band));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is monotone in data held: more records, another holding, deeper access or higher criticality never lower impact', () => {
    fc.assert(
      fc.property(vendorArb, holdingArb, fc.nat({ max: 7 }), fc.integer({ min: 1, max: 5_000_000 }), (vendor, extra, index, added) => {
        const base = computeInherentImpact(vendor).impact;
        expect(computeInherentImpact({ ...vendor, holdings: [...vendor.holdings, extra] }).impact).toBeGreaterThanOrEqual(base);
        if (vendor.holdings.length > 0) {
          const i = index % vendor.holdings.length;
          const grown = vendor.holdings.map((h, j) => (j === i ? { ...h, records: h.records + added } : h));
          expect(computeInherentImpact({ ...vendor, holdings: grown }).impact).toBeGreaterThanOrEqual(base);
        }
        const deeper = ACCESS_LEVELS.slice(ACCESS_LEVELS.indexOf(vendor.access));
        for (const access of deeper) expect(computeInherentImpact({ ...vendor, access }).impact).toBeGreaterThanOrEqual(base);
        for (let c = vendor.criticality; c <= 5; c++) {
          expect(computeInherentImpact({ ...vendor, criticality: c as Level }).impact).toBeGreaterThanOrEqual(base);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('is bounded: score 0..100, likelihood and impact 1..5, residual 1..25 and equal to likelihood x impact', () => {
    fc.assert(
      fc.property(vendorArb, (vendor) => {
        const r = scoreVendor(vendor);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        for (const d of r.domains) if (d.score !== null) expect(d.score).toBeGreaterThanOrEqual(0);
        for (const d of r.domains) if (d.score !== null) expect(d.score).toBeLessThanOrEqual(100);
        expect([1, 2, 3, 4, 5]).toContain(r.likelihood.likelihood);
        expect([1, 2, 3, 4, 5]).toContain(r.impact.impact);
        expect(r.residual).toBe(r.likelihood.likelihood * r.impact.impact);
        expect(r.residual).toBeGreaterThanOrEqual(1);
        expect(r.residual).toBeLessThanOrEqual(25);
        expect(r.projected.residual).toBeLessThanOrEqual(r.residual);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is deterministic and independent of the order of answers, holdings and integrations', () => {
    fc.assert(
      fc.property(vendorArb, fc.integer(), (vendor, seed) => {
        const shuffle = <T>(items: readonly T[]) => {
          const out = [...items];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const reordered = {
          ...vendor,
          holdings: shuffle(vendor.holdings),
          integrations: shuffle(vendor.integrations ?? []),
          answers: Object.fromEntries(shuffle(Object.entries(vendor.answers))),
        };
        expect(scoreVendor(reordered)).toEqual(scoreVendor(vendor));
        expect(scoreVendor(vendor)).toEqual(scoreVendor(vendor));
      }),
      { numRuns: 1_000 },
    );
  });

  it('never scores an unanswered control better than No', () => {
    fc.assert(
      fc.property(vendorArb, fc.nat({ max: CORE_CONTROLS.length - 1 }), (vendor, index) => {
        const id = CORE_CONTROLS[index]!.id;
        const unanswered: Record<string, AnswerMap[string]> = { ...vendor.answers };
        delete unanswered[id];
        const no = { ...vendor.answers, [id]: { value: 'no' as const } };
        const u = scoreVendor({ ...vendor, answers: unanswered });
        const n = scoreVendor({ ...vendor, answers: no });
        expect(u.score).toBeLessThanOrEqual(n.score);
        expect(u.residual).toBeGreaterThanOrEqual(n.residual);
        expect(gradeRank(u.grade)).toBeGreaterThanOrEqual(gradeRank(n.grade));
      }),
      { numRuns: 1_000 },
    );
  });

  it('lets any vendor that answers Yes everywhere reach the lowest likelihood', () => {
    fc.assert(
      fc.property(vendorArb, (vendor) => {
        const allYes = Object.fromEntries(CORE_CONTROLS.map((c) => [c.id, { value: 'yes' as const }]));
        expect(scoreVendor({ ...vendor, answers: allYes }).likelihood.likelihood).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('access path properties (docs/scoring.md sections 12 and 15)', () => {
  const deeperAccess = (vendor: VendorScoreInput, pick: number, extra: IntegrationAccess) => {
    const higher = ACCESS_LEVELS.slice(ACCESS_LEVELS.indexOf(vendor.access));
    // Either the profile's access goes up, or another integration is recorded.
    return pick % 2 === 0
      ? { ...vendor, access: higher[pick % higher.length]! }
      : { ...vendor, integrations: [...(vendor.integrations ?? []), extra] };
  };

  it('more access never changes the score, never lowers likelihood, residual, band, impact or the projection, never improves the grade', () => {
    fc.assert(
      fc.property(vendorArb, fc.nat(), integrationArb, (vendor, pick, extra) => {
        const before = scoreVendor(vendor);
        const after = scoreVendor(deeperAccess(vendor, pick, extra));
        expect(after.score).toBe(before.score);
        expect(after.likelihood.likelihood).toBeGreaterThanOrEqual(before.likelihood.likelihood);
        expect(after.impact.impact).toBeGreaterThanOrEqual(before.impact.impact);
        expect(after.residual).toBeGreaterThanOrEqual(before.residual);
        expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band));
        expect(gradeRank(after.grade)).toBeGreaterThanOrEqual(gradeRank(before.grade));
        expect(after.projected.residual).toBeGreaterThanOrEqual(before.projected.residual);
        // What was critical for the vendor stays critical.
        const ids = (r: typeof before) => r.accessPath.criticalControls.map((c) => c.controlId);
        for (const id of ids(before)) expect(ids(after)).toContain(id);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a failing connected-app control costs a privileged vendor strictly more residual than one with no access, unless both factors are already 4 or more without access', () => {
    let strict = 0;
    fc.assert(
      fc.property(
        vendorArb,
        fc.constantFrom(...CONNECTED_APP),
        fc.constantFrom<AnswerMap[string]>(undefined, { value: 'no' }, { value: 'yes', rejected: true }),
        fc.boolean(),
        (vendor, failing, failure, throughIntegration) => {
          const answers: Record<string, AnswerMap[string]> = { ...vendor.answers, [failing]: failure };
          if (failure === undefined) delete answers[failing];
          const noAccess = scoreVendor({ ...vendor, access: 'none', integrations: [], answers });
          const privileged = scoreVendor({
            ...vendor,
            answers,
            ...(throughIntegration ? { access: 'none' as const, integrations: [{ name: 'CRM sync', access: 'privileged' as const }] } : { access: 'privileged' as const, integrations: [] }),
          });
          // The exact precondition: likelihood before the contact-centre step, or impact, below 4 without access.
          const { fromScore, doorFailures } = noAccess.likelihood;
          const likelihoodRoom = Math.max(fromScore, doorFailures.length > 0 ? 4 : 1) < 4;
          const impactRoom = noAccess.impact.impact < 4;
          if (likelihoodRoom || impactRoom) {
            strict++;
            expect(noAccess.residual).toBeLessThan(privileged.residual);
          } else {
            expect(noAccess.residual).toBe(privileged.residual);
          }
        },
      ),
      { numRuns: 2_000 },
    );
    // Both sides of the precondition were exercised.
    expect(strict).toBeGreaterThan(100);
    expect(strict).toBeLessThan(2_000);
  });
});
