/**
 * The template model: the built-in questionnaires expressed in it, and a
 * clear error naming the path for each rule a template can break.
 */
import { describe, expect, it } from 'vitest';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { builtInQuestionnaire, builtInTemplateDefinition, templateContentFromSnapshot } from '#shared/templates/builtIn.ts';
import type { TemplateIssue } from '#shared/templates/issues.ts';
import type { TemplateDefinitionInput } from '#shared/templates/schema.ts';
import { parseTemplate, parseTemplateDefinition } from '#shared/templates/validate.ts';
import { saasPrescreen } from './fixtures.ts';

type Q = Record<string, unknown>;
/** The example template with one change applied to a copy. */
function variant(change: (t: TemplateDefinitionInput & { questions: Q[]; sections: Q[] }) => void) {
  const t = structuredClone(saasPrescreen()) as TemplateDefinitionInput & { questions: Q[]; sections: Q[] };
  change(t);
  return t;
}
function issuesOf(input: unknown): TemplateIssue[] {
  const result = parseTemplateDefinition(input);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.issues;
}

describe('built-in templates in the template model', () => {
  it('Core is all 46 controls in their 8 domains, as control questions with the catalogue wording', () => {
    const core = builtInTemplateDefinition('core');
    expect(core.sections.map((s) => s.id)).toEqual(['IAM', 'REC', 'DAT', 'INT', 'PAM', 'DET', 'IRN', 'GOV']);
    expect(core.questions).toHaveLength(46);
    expect(core.questions.map((q) => q.id)).toEqual(CORE_CATALOGUE_V1.controls.map((c) => c.id));
    const first = core.questions[0]!;
    expect(first.type === 'control' && first.control.question).toBe(CORE_CATALOGUE_V1.controls[0]!.question);
  });

  it('Lite is the 15 critical and high IAM/REC/DAT controls', () => {
    const lite = builtInTemplateDefinition('lite');
    expect(lite.questions).toHaveLength(15);
    expect(new Set(lite.sections.map((s) => s.id))).toEqual(new Set(['IAM', 'REC', 'DAT', 'IRN']));
  });

  it('is already in normal form: validating a built-in template changes nothing', () => {
    for (const key of ['core', 'lite'] as const) {
      expect(parseTemplateDefinition(builtInTemplateDefinition(key))).toEqual({ ok: true, value: builtInTemplateDefinition(key) });
    }
  });

  it('reads a stored catalogue snapshot (domains + controls) as template content', () => {
    const result = templateContentFromSnapshot(builtInQuestionnaire('lite'));
    expect(result.ok && result.value.questions.map((q) => q.id)).toEqual(builtInQuestionnaire('lite').controls.map((c) => c.id));
    const content = builtInTemplateDefinition('core');
    expect(templateContentFromSnapshot({ sections: content.sections, questions: content.questions })).toEqual({
      ok: true,
      value: { sections: content.sections, questions: content.questions },
    });
  });
});

describe('a custom template', () => {
  it('is accepted, with defaults filled in', () => {
    const result = parseTemplateDefinition(saasPrescreen());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sso = result.value.questions[1]!;
    expect(sso).toMatchObject({ id: 'sso', required: true, naAllowed: false, critical: false, help: '', reference: '', title: '' });
    expect(result.value.sections[2]).toEqual({ id: 'integrations', title: 'Integrations', description: '' });
  });

  it('puts questions in the order the vendor sees them: sections in order, then questions in order', () => {
    const t = variant((t) => t.questions.unshift(t.questions.splice(3, 1)[0]!));
    const result = parseTemplateDefinition(t);
    expect(result.ok && result.value.questions.map((q) => q.id)).toEqual(['IAM-01', 'sso', 'protections', 'has-integrations', 'token-lifetime', 'integration-notes']);
  });
});

describe('template validation names the path of each problem', () => {
  const cases: [string, (t: TemplateDefinitionInput & { questions: Q[]; sections: Q[] }) => void, string, RegExp][] = [
    ['duplicate question id', (t) => (t.questions[3]!.id = 'sso'), 'questions[3].id', /Duplicate question id "sso": questions\[1\] already uses it/],
    ['duplicate section id', (t) => (t.sections[1]!.id = 'access'), 'sections[1].id', /Duplicate section id "access"/],
    ['unknown section', (t) => (t.questions[1]!.section = 'acess'), 'questions[1].section', /Unknown section "acess"; the sections are "access", "data" and "integrations"/],
    ['control under another id', (t) => (t.questions[0]!.id = 'MFA'), 'questions[0].id', /takes its control's id: "IAM-01"/],
    ['unknown question type', (t) => ((t.questions[1] as Q).type = 'dropdown'), 'questions[1].type', /Unknown question type "dropdown"/],
    ['misspelt field', (t) => (t.questions[1]!.helpText = 'x'), 'questions[1]', /helpText/],
    ['condition on an unknown question', (t) => ((t.questions[4]!.condition as Q).question = 'integrations'), 'questions[4].condition.question', /Unknown question "integrations"/],
    ['condition on a later question', (t) => (t.questions[1]!.condition = { question: 'has-integrations', anyOf: ['yes'] }), 'questions[1].condition.question', /comes after "sso": a condition can only look at an earlier question/],
    ['condition on free text', (t) => (t.questions[4]!.condition = { question: 'integration-notes', anyOf: ['yes'] }), 'questions[4].condition.question', /is a text question: a condition can only look at/],
    ['condition on a number', (t) => (t.questions[5]!.condition = { question: 'token-lifetime', anyOf: ['1'] }), 'questions[5].condition.question', /is a number question/],
    ['condition on itself', (t) => (t.questions[4]!.condition = { question: 'token-lifetime', anyOf: ['yes'] }), 'questions[4].condition', /cycle: token-lifetime -> token-lifetime/],
    ['condition value the target does not have', (t) => ((t.questions[4]!.condition as Q).anyOf = ['yes', 'maybe']), 'questions[4].condition.anyOf[1]', /"maybe" is not an answer of "has-integrations"; its answers are "yes", "partial" and "no"/],
    ['condition on N/A where N/A is not allowed', (t) => ((t.questions[4]!.condition as Q).anyOf = ['na']), 'questions[4].condition.anyOf[0]', /"na" is not an answer/],
    ['condition on an optional question', (t) => (t.questions[3]!.required = false), 'questions[3].required', /"token-lifetime" and "integration-notes" depend on "has-integrations", so it must be required/],
    ['option without a score', (t) => delete ((t.questions[1]!.options as Q[])[1]!.score), 'questions[1].options[1].score', /Option "sso" needs a score from 0 to 1/],
    ['no option gives full credit', (t) => ((t.questions[1]!.options as Q[])[0]!.score = 0.9), 'questions[1].options', /No answer gives full credit \(no option scores 1\)/],
    ['option score above 1', (t) => ((t.questions[1]!.options as Q[])[0]!.score = 10), 'questions[1].options[0].score', /from 0 \(no credit\) to 1/],
    ['duplicate option id', (t) => ((t.questions[1]!.options as Q[])[2]!.id = 'sso'), 'questions[1].options[2].id', /Duplicate option id "sso"/],
    ['option called na', (t) => ((t.questions[1]!.options as Q[])[2]!.id = 'na'), 'questions[1].options[2].id', /"na" is kept for N\/A answers/],
    ['overlapping bands', (t) => ((t.questions[4]!.bands as Q[])[2]!.min = 20), 'questions[4].bands[2].min', /starts at 20 but band 2 ends at 30: it overlaps the band before/],
    ['a gap between bands', (t) => ((t.questions[4]!.bands as Q[])[1]!.min = 2), 'questions[4].bands[1].min', /leaves a gap/],
    ['a band whose min is not below its max', (t) => ((t.questions[4]!.bands as Q[])[1]!.max = 1), 'questions[4].bands[1]', /min \(1\) must be below its max \(1\)/],
    ['an open band in the middle', (t) => delete ((t.questions[4]!.bands as Q[])[1]!.max), 'questions[4].bands[1].max', /Only the last band can be open above/],
    ['no band gives full credit', (t) => ((t.questions[4]!.bands as Q[])[0]!.score = 0.8), 'questions[4].bands', /No band scores 1/],
    ['a catalogue control with weight 0', (t) => (t.questions[0]!.weight = 0), 'questions[0].weight', /A catalogue control is always scored/],
    ['a scored number question without bands', (t) => (t.questions[4]!.bands = []), 'questions[4].bands', /needs scoring bands/],
    ['bands on a number question that is not scored', (t) => (t.questions[4]!.weight = 0), 'questions[4].bands', /weight 0 is not scored: leave its bands out/],
    ['a critical question that is not scored', (t) => (t.questions[3]!.critical = true), 'questions[3].critical', /weight 0 is not scored, so it cannot be critical/],
    ['a bad key', (t) => (t.key = 'SaaS Pre-screen'), 'key', /lower-case letters/],
    ['a question with no text', (t) => (t.questions[1]!.text = '   '), 'questions[1].text', /question text is required/],
  ];

  it.each(cases)('%s', (_name, change, path, message) => {
    const issues = issuesOf(variant(change));
    expect(issues, JSON.stringify(issues)).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports a cycle once, naming every question in it', () => {
    const t = variant((t) => {
      t.questions.push(
        { id: 'a', type: 'yes_partial_no', section: 'integrations', text: 'A?', severity: 'low', condition: { question: 'b', anyOf: ['yes'] } },
        { id: 'b', type: 'yes_partial_no', section: 'integrations', text: 'B?', severity: 'low', condition: { question: 'a', anyOf: ['no'] } },
      );
    });
    const cycles = issuesOf(t).filter((i) => /cycle/.test(i.message));
    expect(cycles).toEqual([{ path: 'questions[6].condition', message: 'Conditions form a cycle: a -> b -> a. A question can only depend on an earlier one.' }]);
  });
});

describe('a template with versions', () => {
  const content = () => {
    const t = parseTemplateDefinition(saasPrescreen());
    if (!t.ok) throw new Error('fixture');
    return { sections: t.value.sections, questions: t.value.questions };
  };

  it('numbers versions upwards, with only the newest a draft', () => {
    const ok = parseTemplate({ key: 'k', name: 'K', versions: [{ version: 1, status: 'published', content: content() }, { version: 2, status: 'draft', content: content() }] });
    expect(ok.ok).toBe(true);
    const bad = parseTemplate({ key: 'k', name: 'K', versions: [{ version: 2, status: 'draft', content: content() }, { version: 2, status: 'published', content: content() }] });
    expect(bad.ok ? [] : bad.issues).toEqual([
      { path: 'versions[0].status', message: 'Only the newest version can be a draft' },
      { path: 'versions[1].version', message: 'Versions go up: 2 follows 2' },
    ]);
  });

  it('names the version whose content is wrong', () => {
    const broken = content();
    broken.questions[1]!.section = 'nowhere';
    const result = parseTemplate({ key: 'k', name: 'K', versions: [{ version: 1, status: 'published', content: broken }] });
    expect(result.ok ? [] : result.issues[0]!.path).toBe('versions[0].content.questions[1].section');
  });
});
