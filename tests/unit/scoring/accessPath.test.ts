/**
 * docs/scoring.md section 15: the access path decides which controls are
 * critical for a vendor. The worked examples' numbers (15.4, 15.5) were
 * worked out by hand in that section, not by running the engine; "before
 * the rule" is checked against the frozen engine of tests/unit/scoring/oracle.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '#shared/catalogue/templates.ts';
import { criticalBecauseByControl, describeCriticalBecause, describeSources } from '#shared/scoring/accessPath.ts';
import { scoreVendorQuestionnaire } from '#shared/scoring/questionnaireVendor.ts';
import { controlAsQuestion, type ScoredQuestion } from '#shared/scoring/questionScore.ts';
import { scoreVendor, type VendorScore } from '#shared/scoring/scoreVendor.ts';
import { getControl } from '#shared/catalogue/coreV1.ts';
import { answersWith, chatWidgetAnswers, chatWidgetProfile, CORE_CONTROLS, serviceDeskAnswers, serviceDeskProfile } from './examples.ts';
import * as oracle from './oracle/scoreVendor.ts';

const position = (r: VendorScore) => ({ score: r.score, grade: r.grade, likelihood: r.likelihood.likelihood, residual: r.residual, band: r.band });
const tasksOf = (r: { tasks: readonly { controlId: string; severity: string; dueInDays: number }[] }) => r.tasks.map((t) => [t.controlId, t.severity, t.dueInDays]);
const CRM_SYNC = { kind: 'integration', name: 'CRM sync', access: 'privileged' } as const;

describe('section 15.4: the chat widget with a privileged CRM integration (issue 17)', () => {
  const result = scoreVendor({ ...chatWidgetProfile, controls: CORE_CONTROLS, answers: chatWidgetAnswers });

  it('before the rule it scored B, likelihood 2, residual 8 medium, with 30-day tasks', () => {
    // The server passed the combined access; the frozen engine knows no access path.
    const before = oracle.scoreVendor({ ...chatWidgetProfile, access: 'privileged', controls: CORE_CONTROLS, answers: chatWidgetAnswers });
    expect([before.score, before.grade, before.likelihood.likelihood, before.residual, before.band]).toEqual([88.5, 'B', 2, 8, 'medium']);
    expect(tasksOf(before)).toEqual([
      ['INT-01', 'high', 30],
      ['INT-02', 'high', 30],
      ['INT-05', 'high', 30],
      ['INT-03', 'medium', 90],
      ['INT-04', 'medium', 90],
      ['INT-06', 'medium', 90],
    ]);
  });

  it('has impact 4 from its integration, though its profile says no access: data 3, access 4, criticality 2', () => {
    expect(result.impact).toMatchObject({ sensitivity: 2, volumeBand: 3, dataImpact: 3, accessImpact: 4, criticalityImpact: 2, impact: 4 });
    expect(result.inherentResidual).toBe(20);
    expect(result.suggestedTier).toBe(2);
  });

  it('keeps its score: 138 of 156 points, 88.5, INT domain 0', () => {
    expect(result.score).toBe(88.5);
    expect(result.uncappedGrade).toBe('B');
    expect(result.domains.find((d) => d.domain === 'INT')?.score).toBe(0);
  });

  it('now counts INT-01, INT-02, INT-05 as critical failures: grade F', () => {
    expect(result.criticalFailures).toEqual(['INT-01', 'INT-02', 'INT-05']);
    expect(result.grade).toBe('F');
  });

  it('is Likely (4): the score gives 2, the failing connected-app doors raise it to 4, a SaaS vendor takes no uplift', () => {
    expect(result.likelihood).toEqual({ fromScore: 2, doorFailures: ['INT-01', 'INT-02', 'INT-05'], socialEngineeringUplift: false, likelihood: 4 });
  });

  it('sits at residual 16, high (from 8, medium)', () => {
    expect(position(result)).toEqual({ score: 88.5, grade: 'F', likelihood: 4, residual: 16, band: 'high' });
  });

  it('gives the three path controls critical 15-day tasks; the other three keep medium, 90 days', () => {
    expect(tasksOf(result)).toEqual([
      ['INT-01', 'critical', 15],
      ['INT-02', 'critical', 15],
      ['INT-05', 'critical', 15],
      ['INT-03', 'medium', 90],
      ['INT-04', 'medium', 90],
      ['INT-06', 'medium', 90],
    ]);
  });

  it("says why: its privileged integration 'CRM sync', not its profile", () => {
    const reason = { rule: 'connected_app', access: 'privileged', sources: [CRM_SYNC], services: [] };
    expect(result.accessPath).toEqual({
      effectiveAccess: 'privileged',
      criticalControls: [
        { controlId: 'INT-01', catalogueSeverity: 'high', reasons: [reason] },
        { controlId: 'INT-02', catalogueSeverity: 'high', reasons: [reason] },
        { controlId: 'INT-05', catalogueSeverity: 'high', reasons: [reason] },
      ],
      notAsked: [],
      answeredNotApplicable: [],
    });
    expect(describeCriticalBecause(result.accessPath.criticalControls[0]!.reasons[0]!)).toBe(
      "Critical for this vendor because of its privileged integration 'CRM sync': a stolen token of a connected app with that access opens our systems without a password.",
    );
  });

  it('would drop to residual 4, low, once all six tasks are closed', () => {
    expect(result.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 4, band: 'low' });
  });

  it('with a read-only integration instead: no rule applies, B, 2, residual 6 medium, 30-day tasks', () => {
    const read = scoreVendor({ ...chatWidgetProfile, integrations: [{ name: 'CRM sync', access: 'read' }], controls: CORE_CONTROLS, answers: chatWidgetAnswers });
    expect(read.impact.impact).toBe(3);
    expect(position(read)).toEqual({ score: 88.5, grade: 'B', likelihood: 2, residual: 6, band: 'medium' });
    expect(read.criticalFailures).toEqual([]);
    expect(read.accessPath.criticalControls).toEqual([]);
    expect(tasksOf(read).slice(0, 3)).toEqual([
      ['INT-01', 'high', 30],
      ['INT-02', 'high', 30],
      ['INT-05', 'high', 30],
    ]);
  });
});

describe('section 15.5: the outsourced IT service desk', () => {
  const result = scoreVendor({ ...serviceDeskProfile, controls: CORE_CONTROLS, answers: serviceDeskAnswers });

  it('before the rules it scored A, likelihood 2 (1 plus the help-desk step), residual 8 medium, 30-day tasks', () => {
    const before = oracle.scoreVendor({ ...serviceDeskProfile, controls: CORE_CONTROLS, answers: serviceDeskAnswers });
    expect([before.score, before.grade, before.likelihood.likelihood, before.residual, before.band]).toEqual([96.2, 'A', 2, 8, 'medium']);
    expect(tasksOf(before)).toEqual([
      ['REC-03', 'high', 30],
      ['REC-05', 'high', 30],
    ]);
  });

  it('has impact 4: data 2, privileged access 4, criticality 3', () => {
    expect(result.impact).toMatchObject({ sensitivity: 1, volumeBand: 2, dataImpact: 2, accessImpact: 4, criticalityImpact: 3, impact: 4 });
  });

  it('makes REC-03 (a help desk with write or more) and REC-05 (privileged) critical for it, and the connected-app controls', () => {
    const profile = { kind: 'profile', access: 'privileged' };
    expect(result.accessPath.criticalControls.map((c) => [c.controlId, c.reasons.map((r) => [r.rule, r.access, r.sources, r.services])])).toEqual([
      ['REC-03', [['credential_reset', 'privileged', [profile], ['help_desk']]]],
      ['REC-05', [['privileged_account_reset', 'privileged', [profile], ['help_desk']]]],
      ['INT-01', [['connected_app', 'privileged', [profile], []]]],
      ['INT-02', [['connected_app', 'privileged', [profile], []]]],
      ['INT-05', [['connected_app', 'privileged', [profile], []]]],
    ]);
  });

  it('scores 150 of 156, 96.2, but REC-05 fails (REC-03 Partial does not): capped at D', () => {
    expect(result.score).toBe(96.2);
    expect(result.uncappedGrade).toBe('A');
    expect(result.criticalFailures).toEqual(['REC-05']);
    expect(result.grade).toBe('D');
  });

  it('is Almost certain: 1 from the score, floor 4 for the failing door, 5 with the help-desk step; residual 20 critical', () => {
    expect(result.likelihood).toEqual({ fromScore: 1, doorFailures: ['REC-05'], socialEngineeringUplift: true, likelihood: 5 });
    expect(position(result)).toEqual({ score: 96.2, grade: 'D', likelihood: 5, residual: 20, band: 'critical' });
  });

  it('gives both tasks the critical 15 days, and projects 4, low', () => {
    expect(tasksOf(result)).toEqual([
      ['REC-03', 'critical', 15],
      ['REC-05', 'critical', 15],
    ]);
    expect(result.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 4, band: 'low' });
  });

  it('with write access only: REC-03 critical, REC-05 high; A, 2, residual 6 medium', () => {
    const write = scoreVendor({ ...serviceDeskProfile, access: 'write', controls: CORE_CONTROLS, answers: serviceDeskAnswers });
    expect(write.impact.impact).toBe(3);
    expect(write.criticalFailures).toEqual([]);
    expect(position(write)).toEqual({ score: 96.2, grade: 'A', likelihood: 2, residual: 6, band: 'medium' });
    expect(tasksOf(write)).toEqual([
      ['REC-03', 'critical', 15],
      ['REC-05', 'high', 30],
    ]);
    expect(write.accessPath.criticalControls.map((c) => c.controlId)).toEqual(['REC-03', 'INT-01', 'INT-02', 'INT-05']);
    expect(describeCriticalBecause(write.accessPath.criticalControls[0]!.reasons[0]!)).toBe(
      "Critical for this vendor because its help desk can change our users' or customers' accounts through the write access on its profile: a caller who talks an agent into a reset takes the account.",
    );
  });
});

describe('the access path rules (docs/scoring.md section 15)', () => {
  const none = { services: [] as const, access: 'none' as const, criticality: 1 as const, holdings: [] };

  it('applies no rule to read-only or no access, whatever the services', () => {
    for (const access of ['none', 'read'] as const) {
      expect(criticalBecauseByControl({ services: ['help_desk', 'contact_centre'], access, integrations: [{ name: 'Reports', access: 'read' }] }).size).toBe(0);
    }
  });

  it('leaves REC controls alone for a vendor that takes no calls, even with privileged access', () => {
    expect([...criticalBecauseByControl({ services: ['hosting'], access: 'privileged' }).keys()]).toEqual(['INT-01', 'INT-02', 'INT-05']);
  });

  it('names every source that reaches the threshold: the profile first, then integrations by name', () => {
    const reasons = criticalBecauseByControl({
      services: [],
      access: 'write',
      integrations: [
        { name: 'Ticket export', access: 'read' },
        { name: 'Zendesk bridge', access: 'write' },
        { name: 'CRM sync', access: 'privileged' },
      ],
    });
    expect(reasons.get('INT-01')).toEqual([
      {
        rule: 'connected_app',
        access: 'privileged',
        sources: [{ kind: 'profile', access: 'write' }, CRM_SYNC, { kind: 'integration', name: 'Zendesk bridge', access: 'write' }],
        services: [],
      },
    ]);
    expect(describeSources(reasons.get('INT-01')![0]!.sources)).toBe("the write access on its profile and its privileged integration 'CRM sync' and its write integration 'Zendesk bridge'");
  });

  it('lists several integrations of one level together', () => {
    expect(
      describeSources([
        { kind: 'integration', name: 'A', access: 'write' },
        { kind: 'integration', name: 'B', access: 'write' },
        { kind: 'integration', name: 'C', access: 'write' },
      ]),
    ).toBe("its write integrations 'A', 'B' and 'C'");
  });

  it('names only the privileged sources for the privileged-account reset rule', () => {
    const reasons = criticalBecauseByControl({ services: ['contact_centre'], access: 'write', integrations: [{ name: 'IdP admin', access: 'privileged' }] });
    expect(reasons.get('REC-05')).toEqual([
      { rule: 'privileged_account_reset', access: 'privileged', sources: [{ kind: 'integration', name: 'IdP admin', access: 'privileged' }], services: ['contact_centre'] },
    ]);
    expect(describeCriticalBecause(reasons.get('REC-05')![0]!)).toBe(
      "Critical for this vendor because its contact centre can reset accounts with administrative rights through its privileged integration 'IdP admin': one agent alone must not be able to hand one over.",
    );
  });

  it('keeps the weight: the same answers score the same with any access', () => {
    const answers = answersWith('yes', { 'INT-02': 'no', 'INT-05': 'partial', 'REC-03': 'no' });
    const scores = (['none', 'read', 'write', 'privileged'] as const).map(
      (access) => scoreVendor({ ...none, services: ['help_desk'], access, controls: CORE_CONTROLS, answers }).score,
    );
    // INT-02 (4) + half of INT-05 (2) + REC-03 (4) = 10 lost: 146 / 156 = 93.6
    expect(scores).toEqual([93.6, 93.6, 93.6, 93.6]);
  });

  it('caps and floors on No only: a Partial path control raises a critical task but no cap and no floor', () => {
    const r = scoreVendor({ ...none, access: 'write', controls: CORE_CONTROLS, answers: answersWith('yes', { 'INT-05': 'partial' }) });
    // 154 / 156 = 98.7
    expect(position(r)).toEqual({ score: 98.7, grade: 'A', likelihood: 1, residual: 3, band: 'low' });
    expect(tasksOf(r)).toEqual([['INT-05', 'critical', 15]]);
  });

  it('says which path controls a Lite questionnaire does not ask: the rule cannot act on them', () => {
    const r = scoreVendor({ ...none, services: ['help_desk'], access: 'write', controls: BUILT_IN_TEMPLATES.lite.controls, answers: answersWith('no') });
    expect(r.accessPath.notAsked).toEqual(['INT-01', 'INT-02', 'INT-05']);
    expect(r.accessPath.criticalControls.map((c) => c.controlId)).toEqual(['REC-03']);
  });

  it('flags an allowed N/A on a path control for the reviewer, and a rejected N/A counts as No', () => {
    const answers = { ...answersWith('yes'), 'INT-05': { value: 'na' as const } };
    const r = scoreVendor({ ...chatWidgetProfile, controls: CORE_CONTROLS, answers });
    expect(r.accessPath.answeredNotApplicable).toEqual(['INT-05']);
    expect(r.grade).toBe('A');
    const rejected = scoreVendor({ ...chatWidgetProfile, controls: CORE_CONTROLS, answers: { ...answers, 'INT-05': { value: 'na', rejected: true } } });
    expect(rejected.accessPath.answeredNotApplicable).toEqual([]);
    expect(rejected.criticalFailures).toEqual(['INT-05']);
    expect(rejected.grade).toBe('D');
  });

  it('treats a verified task on a path control as met', () => {
    const r = scoreVendorQuestionnaire({
      ...chatWidgetProfile,
      questions: CORE_CONTROLS.map((c) => controlAsQuestion(c)),
      answers: chatWidgetAnswers,
      met: ['INT-01', 'INT-02', 'INT-05'],
    });
    expect(r.criticalFailures).toEqual([]);
    expect(r.likelihood.doorFailures).toEqual([]);
  });

  it('never makes a custom question critical, whatever its id', () => {
    const custom: ScoredQuestion = { ...controlAsQuestion(getControl('INT-01')), domain: null, section: 'custom', critical: false };
    const r = scoreVendorQuestionnaire({ ...none, access: 'privileged', questions: [custom], answers: { 'INT-01': { value: 'no' } } });
    expect(r.criticalFailures).toEqual([]);
    expect(r.grade).toBe('F'); // 0 points: F on the score alone
    expect(r.likelihood.doorFailures).toEqual([]);
    expect(r.tasks).toEqual([{ controlId: 'INT-01', severity: 'high', dueInDays: 30, reasons: ['answer'] }]);
    expect(r.accessPath.criticalControls).toEqual([]);
    expect(r.accessPath.notAsked).toEqual(['INT-01', 'INT-02', 'INT-05']);
  });

  it('gives the same result whatever the order of the integrations', () => {
    const a = [
      { name: 'B', access: 'write' as const },
      { name: 'A', access: 'privileged' as const },
    ];
    const input = { ...none, services: ['help_desk'] as const, controls: CORE_CONTROLS, answers: answersWith('no') };
    expect(scoreVendor({ ...input, integrations: a })).toEqual(scoreVendor({ ...input, integrations: [...a].reverse() }));
  });

  it('speaks to the vendor in the portal: "you", "your" integration, the organisation\'s systems', () => {
    const reasons = criticalBecauseByControl({ services: ['help_desk'], access: 'write', integrations: [{ name: 'CRM sync', access: 'privileged' }] });
    const vendor = { kind: 'vendor' as const, organisation: 'Demo Airline' };
    expect(describeCriticalBecause(reasons.get('INT-02')![0]!, vendor)).toBe(
      "Critical for you because of the write access Demo Airline recorded for you and your privileged integration 'CRM sync': a stolen token of a connected app with that access opens Demo Airline's systems without a password.",
    );
    expect(describeCriticalBecause(reasons.get('REC-05')![0]!, { kind: 'vendor', organisation: null })).toBe(
      "Critical for you because your help desk can reset accounts with administrative rights in your customer's systems through your privileged integration 'CRM sync': one agent alone must not be able to hand one over.",
    );
  });
});
