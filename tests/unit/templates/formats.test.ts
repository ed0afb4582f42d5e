/**
 * Tollgate template JSON and CSV: export then import gives the identical
 * template (hand-picked templates and thousands of generated ones), and
 * each kind of bad file is refused with the JSON path or row at fault.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInTemplateDefinition } from '#shared/templates/builtIn.ts';
import { exportTemplateCsv, parseTemplateCsv } from '#shared/templates/formats/csv.ts';
import { exportTemplateJson, parseTemplateJson } from '#shared/templates/formats/json.ts';
import { parseOscalCatalog } from '#shared/templates/formats/oscalCatalog.ts';
import { exportTemplate, importTemplate } from '#shared/templates/formats/templateFiles.ts';
import type { TemplateDefinition } from '#shared/templates/schema.ts';
import { parseTemplateDefinition } from '#shared/templates/validate.ts';
import { readFileSync } from 'node:fs';
import { templateArb } from './arbitraries.ts';
import { saasPrescreen } from './fixtures.ts';

/** A parsed JSON document, edited freely by the tests. */
type JsonDoc = ReturnType<typeof JSON.parse>;

const parsedExample = (): TemplateDefinition => {
  const result = parseTemplateDefinition(saasPrescreen());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const oscalExample = (): TemplateDefinition => {
  const doc = JSON.parse(readFileSync(new URL('../../fixtures/oscal/example-catalog.json', import.meta.url), 'utf8'));
  const result = parseOscalCatalog(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('export then import gives the identical template', () => {
  const examples: [string, () => TemplateDefinition][] = [
    ['the conditional example', parsedExample],
    ['Core', () => builtInTemplateDefinition('core')],
    ['Lite', () => builtInTemplateDefinition('lite')],
    ['an imported OSCAL catalog', oscalExample],
  ];

  it.each(examples)('%s, as JSON', (_name, make) => {
    const template = make();
    expect(parseTemplateJson(JSON.parse(exportTemplateJson(template)))).toEqual({ ok: true, value: template });
  });

  it.each(examples)('%s, as CSV', (_name, make) => {
    const template = make();
    expect(parseTemplateCsv(exportTemplateCsv(template))).toEqual({ ok: true, value: template });
  });

  it('for any valid template, through the format detection, as JSON and as CSV', () => {
    fc.assert(
      fc.property(templateArb, (template) => {
        for (const format of ['json', 'csv'] as const) {
          const back = importTemplate(exportTemplate(template, format));
          expect(back.format).toBe(format === 'json' ? 'tollgate-json' : 'csv');
          expect(back.result).toEqual({ ok: true, value: template });
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});

describe('Tollgate template JSON', () => {
  const file = (change: (doc: JsonDoc) => void = () => {}) => {
    const doc = JSON.parse(exportTemplateJson(parsedExample()));
    change(doc);
    return doc;
  };

  it('lets a control question name its control by id alone, taking the catalogue wording', () => {
    const result = parseTemplateJson(file((d) => delete d.questions[0].control));
    expect(result).toEqual({ ok: true, value: parsedExample() });
  });

  it.each<[string, (doc: JsonDoc) => void, string, RegExp]>([
    ['no format', (d) => delete d.format, 'format', /"format" must be "tollgate-template\/1"/],
    ['a newer format', (d) => (d.format = 'tollgate-template/2'), 'format', /cannot read; it reads "tollgate-template\/1"/],
    ['an unknown control', (d) => ((d.questions[0].id = 'IAM-99'), delete d.questions[0].control), 'questions[0].id', /"IAM-99" is not a control of the catalogue/],
    ['a control reworded', (d) => (d.questions[0].control.severity = 'low'), 'questions[0].control', /IAM-01 comes from the catalogue, which says otherwise for severity \(file: low, catalogue: critical\)/],
    ['a condition on an unknown question', (d) => (d.questions[4].condition.question = 'has-integration'), 'questions[4].condition.question', /Unknown question "has-integration"/],
    ['duplicate ids', (d) => (d.questions[5].id = 'token-lifetime'), 'questions[5].id', /Duplicate question id "token-lifetime"/],
    ['a cycle', (d) => (d.questions[3].condition = { question: 'token-lifetime', anyOf: ['yes'] }), 'questions[3].condition', /cycle: has-integrations -> token-lifetime -> has-integrations/],
  ])('refuses %s, naming the JSON path', (_name, change, path, message) => {
    const result = parseTemplateJson(file(change));
    expect(result.ok ? [] : result.issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe('the examples in docs/templates.md', () => {
  const doc = readFileSync(new URL('../../../docs/templates.md', import.meta.url), 'utf8');
  const block = (lang: string, after: string) => {
    const start = doc.indexOf('```' + lang + '\n', doc.indexOf(after));
    return doc.slice(start + lang.length + 4, doc.indexOf('```', start + 3));
  };

  it('the JSON example (section 4) is the SaaS pre-screen', () => {
    expect(importTemplate(block('json', '## 4. Tollgate JSON'))).toEqual({ format: 'tollgate-json', result: { ok: true, value: parsedExample() } });
  });

  it('the CSV example (section 5) is the same template', () => {
    expect(importTemplate(block('csv', 'The example of section 4 as CSV'))).toEqual({ format: 'csv', result: { ok: true, value: parsedExample() } });
  });
});

const HEADER = 'id,type,section,title,text,help,options,weight,severity,critical,required,na_allowed,condition,reference';

describe('template CSV', () => {
  it('reads the example of docs/templates.md', () => {
    const csv = [
      'id,type,section,text,help,options,weight,severity,required,condition',
      'saas-prescreen,template,,SaaS pre-screen,A short pre-screen for software vendors.,,,,,',
      'access,section,,Access,How people sign in.,,,,,',
      'IAM-01,control,access,,,,,,,',
      'sso,single_choice,access,How do your staff sign in to the systems that hold our data?,,sso-mfa: Single sign-on with phishing-resistant MFA = 1 | sso: Single sign-on with other MFA = 0.5 | local: Separate passwords per system = 0,,high,,',
      'data,section,,Data,How the data you hold for us is protected.,,,,,',
      'protections,multiple_choice,data,Which of these protect the data you hold for us?,,"encrypt-rest: Encrypted at rest = 0.5 | encrypt-transit: Encrypted in transit = 0.25 | keys: Keys held in a KMS or HSM, away from the data = 0.25",,high,,',
      'integrations,section,,Integrations,,,,,,',
      'has-integrations,yes_partial_no,integrations,"Does your service connect to our systems (API, OAuth app, file transfer)?",,,0,low,,',
      'token-lifetime,number,integrations,How many days does an access token for our systems live?,,..1 = 1 | 1..30 = 0.5 | 30.. = 0,,medium,,"has-integrations = yes, partial"',
      'integration-notes,text,integrations,Which of our systems do you connect to?,,,,,no,"has-integrations = yes, partial"',
    ].join('\n');
    expect(parseTemplateCsv(csv)).toEqual({ ok: true, value: parsedExample() });
  });

  it('writes a cell a spreadsheet would run as a formula with a leading apostrophe, and reads it back without', () => {
    const template = parsedExample();
    const q = template.questions[1]!;
    if (q.type === 'single_choice') q.text = '=HYPERLINK("https://evil.example","Click")';
    const csv = exportTemplateCsv(template);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'..1 = 1`.replace("'..", "..")); // bands start with "." so stay as they are
    expect(parseTemplateCsv(csv)).toEqual({ ok: true, value: template });
  });

  const rows = (...lines: string[]) => [HEADER, 'k,template,,,Name,,,,,,,,,', 's,section,,,Section,,,,,,,,,', ...lines].join('\n');
  const ypn = (id: string, extra: Partial<Record<'condition' | 'options' | 'weight' | 'severity' | 'section' | 'type' | 'required' | 'text', string>> = {}) =>
    [id, extra.type ?? 'yes_partial_no', extra.section ?? 's', '', extra.text ?? 'Q?', '', extra.options ?? '', extra.weight ?? '', extra.severity ?? 'low', '', extra.required ?? '', '', extra.condition ?? '', ''].join(',');

  it.each<[string, string, string, RegExp]>([
    ['an unknown column', 'id,type,section,text,colour\nk,template,,Name,', 'row 1', /Unknown column "colour"\. The columns are: id, type, section/],
    ['a missing required column', 'id,type,text\nk,template,Name', 'row 1, column section', /The required column "section" is missing/],
    ['a repeated column', 'id,type,section,text,text\nk,template,,Name,', 'row 1, column text', /appears more than once/],
    ['semicolons', 'id;type;section;text\nk;template;;Name', 'row 1', /separated by ";" or tabs/],
    ['an empty file', '', 'row 1', /The file is empty/],
    ['no template row', [HEADER, ypn('a')].join('\n'), 'row 1', /no template row/],
    ['an unknown type', rows(ypn('a', { type: 'dropdown' })), 'row 4, column type', /Unknown type "dropdown"/],
    ['options without ids', rows(ypn('a', { type: 'single_choice', options: 'Yes = 1 | No = 0' })), 'row 4, column options', /option 1 "Yes = 1" has no id/],
    ['an option score that is not a number', rows(ypn('a', { type: 'single_choice', options: 'y: Yes = all | n: No = 0' })), 'row 4, column options', /score of option "y" "all" is not a number/],
    ['options without scores', rows(ypn('a', { type: 'single_choice', options: 'y: Yes | n: No' })), 'row 4, column options', /Option "y" needs a score/],
    ['bad bands', rows(ypn('a', { type: 'number', options: '0-30 = 1' })), 'row 4, column options', /must read "min\.\.max = score"/],
    ['overlapping bands', rows(ypn('a', { type: 'number', options: '..30 = 1 | 20.. = 0' })), 'row 4, column options', /overlaps the band before/],
    ['options on a yes/partial/no question', rows(ypn('a', { options: 'y: Yes = 1' })), 'row 4, column options', /does not use the options column/],
    ['a bad condition', rows(ypn('a'), ypn('b', { condition: 'a is yes' })), 'row 5, column condition', /must read "question = value, value"/],
    ['a condition on an unknown question', rows(ypn('a'), ypn('b', { condition: 'c = yes' })), 'row 5, column condition', /Unknown question "c"/],
    ['a condition cycle', rows(ypn('a', { condition: 'b = yes' }), ypn('b', { condition: 'a = yes' })), 'row 4, column condition', /cycle: a -> b -> a/],
    ['a condition on a later question', rows(ypn('a', { condition: 'b = yes' }), ypn('b')), 'row 4, column condition', /"b" comes after "a"/],
    ['duplicate ids', rows(ypn('a'), ypn('a')), 'row 5, column id', /Duplicate question id "a"/],
    ['an unknown section', rows(ypn('a', { section: 'x' })), 'row 4, column section', /Unknown section "x"/],
    ['a bad flag', rows(ypn('a', { required: 'maybe' })), 'row 4, column required', /must be "yes" or "no", not "maybe"/],
    ['a bad weight', rows(ypn('a', { weight: 'heavy' })), 'row 4, column weight', /The weight "heavy" is not a number/],
    ['an unknown control', rows(ypn('IAM-99', { type: 'control', severity: '' })), 'row 4, column id', /"IAM-99" is not a control of the catalogue/],
    ['a reworded control', rows(ypn('IAM-01', { type: 'control', text: 'Do you use MFA?', severity: '' })), 'row 4', /IAM-01 comes from the catalogue, which says otherwise for question/],
    ['an unclosed quote', rows('a,yes_partial_no,s,,"Q?,,,,low,,,,,'), 'row 4', /quoted value is never closed/],
  ])('refuses %s, naming the row and column', (_name, csv, path, message) => {
    const result = parseTemplateCsv(csv);
    expect(result.ok ? [] : result.issues).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
  });

  it('accepts header names as people write them ("N/A allowed", "Help text") and skips blank rows', () => {
    const csv = ['ID,Type,Section,Text,Help text,Severity,N/A allowed', 'k,template,,Name,,,', '', 's,section,,Section,,,', 'a,yes_partial_no,s,Q?,,low,yes'].join('\r\n');
    const result = parseTemplateCsv(csv);
    expect(result.ok && result.value.questions[0]).toMatchObject({ id: 'a', naAllowed: true });
  });
});
