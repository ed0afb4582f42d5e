/**
 * The questionnaire library in Chromium: procurement imports a CSV (first
 * with mistakes, shown row by row, then fixed), previews it, imports it as
 * a draft, publishes it, and starts an assessment of a vendor with it. A
 * published template with custom questions is offered too
 * (customQuestions.spec.ts sends one). Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');

/** The page at a desktop and a phone size, top to bottom. */
async function shots(page: Page, name: string) {
  for (const [label, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    // The navigation slides away when the window narrows: let the slide finish before the picture.
    await page.waitForTimeout(500);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, `templates-${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const lines = (...rows: string[]) => rows.join('\n');
const HEADER = 'id,type,section,text,help,options,weight,severity,required,condition';
const GOOD = lines(
  HEADER,
  'e2e-identity,template,,E2E identity basics,Sign-in and recovery controls for small suppliers.,,,,,',
  'IAM,section,,Identity and MFA,,,,,,',
  'IAM-01,control,IAM,,,,,,,',
  'IAM-02,control,IAM,,,,,,,',
  'REC,section,,Backup and recovery,,,,,,',
  'REC-01,control,REC,,,,,,,',
);
const BAD = lines(
  HEADER,
  'e2e-identity,template,,E2E identity basics,,,,,,',
  'IAM,section,,Identity and MFA,,,,,,',
  'IAM-01,control,IAM,,,,,,,',
  'IAM-01,control,IAM,,,,,,,',
  'mystery,yes_partial_no,IAM,Do you?,,,,high,,ghost = yes',
);
const CUSTOM = lines(
  HEADER,
  'e2e-prescreen,template,,E2E pre-screen,,,,,,',
  'integrations,section,,Integrations,,,,,,',
  'has-integrations,yes_partial_no,integrations,Does your service connect to our systems?,,,0,low,,',
  'token-lifetime,number,integrations,How many days does an access token live?,,..1 = 1 | 1..30 = 0.5 | 30.. = 0,,medium,,"has-integrations = yes, partial"',
);

async function chooseAndCheck(page: Page, name: string, content: string) {
  await page.getByLabel('Template file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByRole('button', { name: 'Check and preview' }).click();
}

test('procurement imports a CSV questionnaire, publishes it and assesses a vendor with it', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  await page.goto('/templates');
  await expect(page.getByRole('heading', { level: 2, name: 'Questionnaires' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Core' }).getByRole('table', { name: 'Versions of Core' })).toContainText('46 questions');
  await expectNoAxeViolations(page);
  await shots(page, 'list');

  // A file with mistakes: every one named by its row, and nothing imported.
  await page.getByRole('link', { name: 'Import a template' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import a questionnaire template' })).toBeVisible();
  await chooseAndCheck(page, 'identity.csv', BAD);
  const problems = page.getByRole('table', { name: 'Problems in the file' });
  await expect(problems).toContainText('row 5, column id');
  await expect(problems).toContainText('Duplicate question id "IAM-01"');
  await expect(problems).toContainText('row 6, column condition');
  await expect(problems).toContainText('Unknown question "ghost"');
  await expect(page.getByRole('button', { name: 'Import as a draft' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shots(page, 'import-problems');

  // Fixed: the preview shows each section and question before anything is written.
  await chooseAndCheck(page, 'identity.csv', GOOD);
  await expect(page.getByRole('status').filter({ hasText: 'identity.csv is ready (CSV)' })).toContainText('3 questions in 2 sections');
  await expect(page.getByRole('region', { name: 'Backup and recovery' })).toContainText('REC-01');
  await expectNoAxeViolations(page);
  await shots(page, 'import-preview');
  await page.getByRole('button', { name: 'Import as a draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported identity.csv as e2e-identity version 1' })).toBeVisible();

  // A second template with custom, conditional questions.
  await chooseAndCheck(page, 'prescreen.csv', CUSTOM);
  // The condition in words: the question by its title (here none was given, so its id) and the answers by their labels.
  await expect(page.getByText('Shown only when “has-integrations” is answered Yes or Partial')).toBeVisible();
  await page.getByRole('button', { name: 'Import as a draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported prescreen.csv as e2e-prescreen version 1' })).toBeVisible();

  await page.getByRole('link', { name: 'Review and publish it on the Questionnaires page' }).click();
  for (const name of ['E2E identity basics', 'E2E pre-screen']) {
    await page.getByRole('button', { name: `Publish ${name} version 1` }).click();
    const confirm = page.getByRole('dialog', { name: `Publish ${name} version 1?` });
    await expect(confirm).toContainText('can no longer be changed');
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} version 1 is published.` })).toBeVisible();
  }
  const identity = page.getByRole('region', { name: 'E2E identity basics', exact: true });
  await expect(identity.getByText('Published', { exact: true })).toBeVisible();
  await shots(page, 'list-published');

  // The version's page shows it as frozen.
  await identity.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'E2E identity basics, version 1' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shots(page, 'version');
  await page.getByRole('button', { name: 'Edit as a new version' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'E2E identity basics, version 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Catalogue controls', exact: true })).toContainText('3 controls chosen');

  // A built-in is adapted as a copy: one control fewer, saved as a draft.
  await page.goto('/templates');
  await page.getByRole('button', { name: 'Copy Lite version 1' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy Lite version 1' });
  await copy.getByLabel('Key').fill('e2e-lite-trimmed');
  await copy.getByLabel('Name').fill('E2E Lite trimmed');
  await copy.getByRole('button', { name: 'Make a draft copy' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'E2E Lite trimmed, version 1' })).toBeVisible();
  const picker = page.getByRole('region', { name: 'Catalogue controls', exact: true });
  await expect(picker).toContainText('15 controls chosen');
  await picker.getByRole('checkbox', { name: /^REC-01:/ }).uncheck();
  // This questionnaire weighs REC-02 more than its severity does; an unticked control has no weight to set.
  await expect(picker.getByRole('textbox', { name: 'Weight of REC-01' })).toHaveCount(0);
  await picker.getByRole('textbox', { name: 'Weight of REC-02' }).fill('12');
  await picker.getByRole('button', { name: 'Save the draft' }).click();
  await expect(picker.getByRole('status').filter({ hasText: 'Draft saved: 14 questions.' })).toBeVisible();
  // The outline below the picker reads the saved draft: REC-01 is no longer asked, REC-02 carries its weight.
  await expect(page.getByRole('heading', { level: 4, name: /^REC-01:/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 4, name: /^REC-02:/ })).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /^REC-02:/ }) })).toContainText('severity, weight 12');
  await page.reload();
  await expect(picker.getByRole('textbox', { name: 'Weight of REC-02' })).toHaveValue('12');
  await expectNoAxeViolations(page);
  await shots(page, 'draft-editor');

  // Starting an assessment offers it beside the tier's suggestion.
  const created = await page.request.post('/trpc/vendors.create', { data: { json: { name: 'Template Trial Ltd' } } });
  expect(created.ok(), await created.text()).toBe(true);
  const { vendorId } = ((await created.json()) as { result: { data: { json: { vendorId: number } } } }).result.data.json;
  await page.goto(`/vendors/${vendorId}`);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const start = page.getByRole('dialog', { name: 'Start an assessment of Template Trial Ltd' });
  await expect(start.getByRole('radio', { name: /^Lite \(15 questions\), suggested/ })).toBeChecked();
  await expect(start.getByRole('radio', { name: /^E2E pre-screen/ })).toBeEnabled();
  await start.getByRole('radio', { name: 'E2E identity basics (3 questions)' }).check();
  await expectNoAxeViolations(page);
  await start.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Template Trial Ltd: E2E identity basics assessment' })).toBeVisible();
});
