/**
 * OSCAL catalog and profile imports, on a small catalog written for these
 * tests (tests/fixtures/oscal): controls and enhancements become
 * yes/partial/no questions in their group's section, parameters read as
 * words, withdrawn controls are left out, and a profile yields exactly the
 * controls it selects from a catalog imported before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOscalCatalog } from '#shared/templates/formats/oscalCatalog.ts';
import { globMatches, parseOscalProfile, resolverFor, type CatalogReference } from '#shared/templates/formats/oscalProfile.ts';
import { importTemplate } from '#shared/templates/formats/templateFiles.ts';
import type { TemplateIssue } from '#shared/templates/issues.ts';

/** A parsed JSON document, edited freely by the tests. */
type JsonDoc = ReturnType<typeof JSON.parse>;

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/oscal/${name}`, import.meta.url), 'utf8')) as JsonDoc;
const catalogDoc = () => fixture('example-catalog.json');
const profileDoc = () => fixture('example-low-profile.json');
const known = () => resolverFor([{ document: catalogDoc(), source: 'uploads/example-catalog.json' }]);

function value<T>(result: { ok: true; value: T } | { ok: false; issues: TemplateIssue[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
function issues(result: { ok: boolean; issues?: TemplateIssue[] }): TemplateIssue[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.issues!;
}

describe('OSCAL catalog import', () => {
  const template = value(parseOscalCatalog(catalogDoc()));

  it('makes one section per group and one yes/partial/no question per control and enhancement, leaving withdrawn ones out', () => {
    expect(template.sections).toEqual([
      { id: 'ac', title: 'Access Control', description: 'Who may reach customer data, and how.' },
      { id: 'ir', title: 'Incident Response', description: '' },
    ]);
    expect(template.questions.map((q) => [q.id, q.section, q.type])).toEqual([
      ['ac-1', 'ac', 'yes_partial_no'],
      ['ac-2', 'ac', 'yes_partial_no'],
      ['ac-2.1', 'ac', 'yes_partial_no'],
      ['ac-2.3', 'ac', 'yes_partial_no'],
      ['ir-1', 'ir', 'yes_partial_no'],
    ]);
  });

  it('takes the statement with its nested items as the question text, parameters in words', () => {
    const ac1 = template.questions[0]!;
    expect(ac1.type !== 'control' && ac1.text).toBe(
      [
        'a. Write and share with [organization-defined personnel or roles] a [one or more of: organization-level, system-level] access policy that:',
        '  1. Names who approves access; and',
        '  2. Says how access is removed when people leave.',
        'b. Review the policy [organization-defined frequency].',
      ].join('\n'),
    );
  });

  it('renders selections as "one of", nested parameters inside choices, guidelines, and unlabelled parameters', () => {
    const text = Object.fromEntries(template.questions.map((q) => [q.id, q.type === 'control' ? '' : q.text]));
    expect(text['ac-2']).toBe('[one of: disable, remove] accounts of people who leave [one of: within [time period], at the end of each working day].');
    expect(text['ac-2.3']).toBe('Disable accounts unused for [number of days of inactivity].');
    expect(text['ir-1']).toBe('Tell affected customers about an incident within [number of hours] and name [a value the organization defines] as the contact.');
  });

  it('never leaves placeholder markup or Markdown links in text or help', () => {
    for (const q of template.questions) {
      if (q.type === 'control') continue;
      expect(`${q.text} ${q.help}`).not.toMatch(/\{\{|insert:|\]\(#/);
    }
  });

  it('takes the guidance as help, the control id as reference, the label and title as title', () => {
    const ac1 = template.questions[0]!;
    expect(ac1).toMatchObject({
      help: 'A short policy that people read beats a long one nobody opens. See the example guide.',
      reference: 'ac-1',
      title: 'AC-1 Access Policy',
      severity: 'medium',
      critical: false,
      naAllowed: true,
      required: true,
    });
  });

  it('names the template after the catalog, with a key from its title, unless told otherwise', () => {
    expect(template).toMatchObject({ key: 'example-supplier-controls-catalog', name: 'Example Supplier Controls Catalog' });
    const chosen = value(parseOscalCatalog(catalogDoc(), { key: 'suppliers', severity: 'high' }));
    expect(chosen.key).toBe('suppliers');
    expect(new Set(chosen.questions.map((q) => (q.type === 'yes_partial_no' ? q.severity : '')))).toEqual(new Set(['high']));
  });

  it('is detected from the content', () => {
    expect(importTemplate(JSON.stringify(catalogDoc())).format).toBe('oscal-catalog');
  });
});

describe('malformed OSCAL catalogs are refused with the JSON path at fault', () => {
  const broken = (change: (doc: JsonDoc) => void) => {
    const doc = catalogDoc();
    change(doc);
    return issues(parseOscalCatalog(doc));
  };

  it.each<[string, (doc: JsonDoc) => void, string, RegExp]>([
    ['no catalog object', (d) => delete d.catalog, 'catalog', /"catalog" object/],
    ['no metadata title', (d) => delete d.catalog.metadata.title, 'catalog.metadata.title', /title must be text/],
    ['an OSCAL version it does not read', (d) => (d.catalog.metadata['oscal-version'] = '2.0.0'), 'catalog.metadata.oscal-version', /OSCAL version "2.0.0" is not supported/],
    ['a control without a title', (d) => delete d.catalog.groups[0].controls[1].title, 'catalog.groups[0].controls[1].title', /control title must be text/],
    ['controls that are not a list', (d) => (d.catalog.groups[1].controls = { id: 'ir-1' }), 'catalog.groups[1].controls', /expected array/],
    [
      'a placeholder for an undefined parameter',
      (d) => (d.catalog.groups[0].controls[0].parts[0].parts[1].prose = 'Review it {{ insert: param, ac-1_prm_9 }}.'),
      'catalog.groups[0].controls[0].parts[0].parts[1].prose',
      /parameter "ac-1_prm_9", which the catalog does not define/,
    ],
    [
      'a malformed placeholder',
      (d) => (d.catalog.groups[1].controls[0].parts[0].prose = 'Tell customers within {{ insert: param }}.'),
      'catalog.groups[1].controls[0].parts[0].prose',
      /placeholder is malformed/,
    ],
    [
      'a parameter that refers to itself',
      (d) => (d.catalog.groups[0].controls[1].params[1] = { id: 'ac-2_prm_2', select: { choice: ['{{ insert: param, ac-2_prm_3 }}'] } }),
      'catalog.groups[0].controls[1].parts[0].prose',
      /refers back to itself through ac-2_prm_3 -> ac-2_prm_2 -> ac-2_prm_3/,
    ],
    ['two controls with one id', (d) => (d.catalog.groups[1].controls[0].id = 'ac-1'), 'catalog.groups[1].controls[0]', /Duplicate question id "ac-1"/],
    [
      'only withdrawn controls',
      (d) => {
        d.catalog.groups = [d.catalog.groups[0]];
        d.catalog.groups[0].controls = [d.catalog.groups[0].controls[2]];
      },
      'catalog',
      /No control was taken/,
    ],
  ])('%s', (_name, change, path, message) => {
    expect(broken(change)).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses XML, other OSCAL models, and JSON that is not a template, saying what it expected', () => {
    expect(issues(importTemplate('<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"/>').result)[0]!.message).toMatch(/XML is not read/);
    expect(issues(importTemplate('{"system-security-plan": {}}').result)[0]!.message).toMatch(/An OSCAL system security plan is not a questionnaire/);
    expect(issues(importTemplate('{"questions": []}').result)[0]!.message).toMatch(/expected a Tollgate template/);
    expect(issues(importTemplate('{"catalog": ').result)[0]!.message).toMatch(/not valid JSON/);
  });
});

describe('OSCAL profile import', () => {
  it('yields exactly the selected controls: with-ids, with-child-controls, minus exclude-controls, never withdrawn ones', () => {
    const template = value(parseOscalProfile(profileDoc(), known()));
    expect(template.questions.map((q) => q.id)).toEqual(['ac-1', 'ac-2', 'ac-2.1', 'ir-1']);
    expect(template.sections.map((s) => s.id)).toEqual(['ac', 'ir']);
    expect(template).toMatchObject({ key: 'example-supplier-low-baseline', name: 'Example Supplier LOW Baseline' });
  });

  it("renders the profile's parameter settings into the text", () => {
    const template = value(parseOscalProfile(profileDoc(), known()));
    const ir1 = template.questions.find((q) => q.id === 'ir-1')!;
    expect(ir1.type !== 'control' && ir1.text).toBe('Tell affected customers about an incident within 72 hours and name [a value the organization defines] as the contact.');
  });

  it('finds the catalog by the title of the back-matter resource, or by the name of the file it links to', () => {
    const byTitle = resolverFor([{ document: catalogDoc() }]);
    expect(value(parseOscalProfile(profileDoc(), byTitle)).questions).toHaveLength(4);
    const profile = profileDoc();
    profile.profile['back-matter'].resources[0].title = 'Some other name';
    expect(value(parseOscalProfile(profile, known())).questions).toHaveLength(4);
    const direct = profileDoc();
    direct.profile.imports[0].href = 'https://example.org/catalogs/example-catalog.json';
    expect(value(parseOscalProfile(direct, known())).questions).toHaveLength(4);
  });

  it('passes the resolver what the import names', () => {
    const seen: CatalogReference[] = [];
    parseOscalProfile(profileDoc(), (ref) => (seen.push(ref), undefined));
    expect(seen).toEqual([{ href: '#b7c6d5e4-1111-4111-8111-111111111111', title: 'Example Supplier Controls Catalog', locations: ['example-catalog.json'] }]);
  });

  it('takes every control with include-all, and controls by pattern', () => {
    const all = profileDoc();
    all.profile.imports[0] = { href: all.profile.imports[0].href, 'include-all': {} };
    expect(value(parseOscalProfile(all, known())).questions.map((q) => q.id)).toEqual(['ac-1', 'ac-2', 'ac-2.1', 'ac-2.3', 'ir-1']);
    const pattern = profileDoc();
    pattern.profile.imports[0] = { href: pattern.profile.imports[0].href, 'include-controls': [{ matching: [{ pattern: 'ac-2.*' }] }] };
    expect(value(parseOscalProfile(pattern, known())).questions.map((q) => q.id)).toEqual(['ac-2.1', 'ac-2.3']);
  });

  it('is detected from the content and refused, naming the catalog, when that catalog was never imported', () => {
    const result = importTemplate(JSON.stringify(profileDoc()));
    expect(result.format).toBe('oscal-profile');
    expect(issues(result.result)).toEqual([
      {
        path: 'profile.imports[0].href',
        message:
          'The profile selects controls from the catalog "Example Supplier Controls Catalog", which has not been imported: import that OSCAL catalog first, then this profile',
      },
    ]);
    const other = resolverFor([{ document: { ...catalogDoc(), catalog: { ...catalogDoc().catalog, metadata: { ...catalogDoc().catalog.metadata, title: 'Another' } } }, source: 'other.json' }]);
    expect(issues(parseOscalProfile(profileDoc(), other))[0]!.path).toBe('profile.imports[0].href');
  });

  it.each<[string, (doc: JsonDoc) => void, string, RegExp]>([
    ['a control the catalog lacks', (d) => d.profile.imports[0]['include-controls'][0]['with-ids'].push('zz-9'), 'profile.imports[0].include-controls[0].with-ids[2]', /has no control "zz-9"/],
    ['no include', (d) => delete d.profile.imports[0]['include-controls'], 'profile.imports[0]', /"include-all" or "include-controls"/],
    ['no imports', (d) => (d.profile.imports = []), 'profile.imports', /at least one catalog/],
    ['a setting for an unknown parameter', (d) => (d.profile.modify['set-parameters'][0]['param-id'] = 'zz-9_prm_1'), 'profile.modify.set-parameters[0].param-id', /does not define/],
    ['a pattern matching nothing', (d) => (d.profile.imports[0]['include-controls'] = [{ matching: [{ pattern: 'zz-*' }] }]), 'profile.imports[0].include-controls[0].matching[0].pattern', /matches no control/],
    ['only withdrawn controls', (d) => (d.profile.imports[0] = { href: d.profile.imports[0].href, 'include-controls': [{ 'with-ids': ['ac-3'] }] }), 'profile', /No control was taken/],
  ])('refuses %s with the JSON path at fault', (_name, change, path, message) => {
    const doc = profileDoc();
    change(doc);
    expect(issues(parseOscalProfile(doc, known()))).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses a profile whose import resolves to another profile, or to a malformed catalog', () => {
    expect(issues(parseOscalProfile(profileDoc(), () => profileDoc()))[0]!.message).toMatch(/another profile/);
    const bad = catalogDoc();
    delete bad.catalog.uuid;
    expect(issues(parseOscalProfile(profileDoc(), () => bad))[0]).toEqual({ path: 'profile.imports[0] > catalog.uuid', message: 'the catalog uuid must be text' });
  });
});

describe('matching patterns', () => {
  it.each<[string, string, boolean]>([
    ['ac-2.*', 'ac-2.1', true],
    ['ac-2.*', 'ac-2', false],
    ['ac-?', 'ac-1', true],
    ['ac-?', 'ac-10', false],
    ['*', 'anything', true],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['ac-2.1', 'ac-2.1', true],
    ['ac.2', 'ac-2', false],
  ])('%s against %s is %s', (pattern, id, expected) => {
    expect(globMatches(pattern, id)).toBe(expected);
  });

  it('stays fast on patterns written to make a regex backtrack', () => {
    const started = performance.now();
    expect(globMatches(`${'a*'.repeat(40)}b`, 'a'.repeat(5_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
