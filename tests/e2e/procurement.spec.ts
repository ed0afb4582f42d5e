/**
 * The procurement journey in Chromium: add a contact-centre vendor, record
 * the data it holds (watching impact and tier), start a Core assessment and
 * send a link; the vendor answers every question and submits in a browser
 * of its own; procurement reviews (one answer rejected), completes the
 * review, and finds the tasks and the critical band on the vendor page and
 * in the printable report. Also: a CSV import with a bad row, fixed and
 * imported. Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
const VENDOR = 'Test Contact Hub';
/** The controls the vendor answers No: critical identity and recovery controls, the doors social engineers use. */
const FAILING = new Set(['IAM-01', 'REC-01']);
/** A 1 x 1 PNG: evidence the reviewer previews in place. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'procurement');
});

/** Adds one holding of 500,000 customer records through the editor, checking the live preview first. */
async function addHolding(page: Page, category: string, expectInPreview?: RegExp) {
  const section = page.getByRole('region', { name: 'Data held', exact: true });
  await section.getByRole('button', { name: 'Add holding' }).click();
  await section.getByLabel('Data category').selectOption(category);
  await section.getByLabel('Records').fill('500000');
  await expect(section.getByLabel('Records')).toHaveValue('500,000');
  const preview = section.getByRole('region', { name: 'If you save this' });
  await expect(preview).toContainText('4 of 5 (Major)');
  if (expectInPreview) await expect(preview).toContainText(expectInPreview);
  return section;
}

async function saveHolding(page: Page) {
  const section = page.getByRole('region', { name: 'Data held', exact: true });
  await section.getByRole('button', { name: 'Save holding' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Holding saved.' })).toBeVisible();
  return section;
}

/** The vendor, in a browser without staff cookies, answers every question (IAM-01 and REC-01 No) and submits. */
async function answerEverything(vendor: Page) {
  await vendor.getByRole('link', { name: 'Start' }).click();
  await expect(vendor).toHaveURL(/\/portal\/questions\/IAM$/);
  for (let section = 0; section < 20; section += 1) {
    const questions = vendor.locator('article.question');
    await expect(questions.first()).toBeVisible();
    const count = await questions.count();
    for (let i = 0; i < count; i += 1) {
      const question = questions.nth(i);
      const id = (await question.getAttribute('id')) ?? '';
      await question.getByRole('radio', { name: FAILING.has(id) ? 'No' : 'Yes', exact: true }).check();
      if (id === 'IAM-01') {
        await question.getByLabel('Attach evidence').setInputFiles({ name: 'mfa-settings.png', mimeType: 'image/png', buffer: PNG });
        await expect(question.getByRole('link', { name: 'mfa-settings.png' })).toBeVisible();
      }
    }
    for (let i = 0; i < count; i += 1) await expect(questions.nth(i).getByText('Saved', { exact: true })).toBeVisible();
    const next = vendor.getByRole('navigation', { name: 'Previous and next section' }).getByRole('link', { name: /^Next:/ });
    if ((await next.count()) === 0) break;
    const heading = await vendor.getByRole('heading', { level: 1 }).textContent();
    await next.click();
    await expect(vendor.getByRole('heading', { level: 1 })).not.toHaveText(heading ?? '');
  }
  await expect(vendor.getByText('46 of 46 answered')).toBeVisible();
  await vendor.getByRole('link', { name: 'Review and submit' }).first().click();
  await expect(vendor.getByText('All 46 questions are answered.')).toBeVisible();
  await vendor.getByRole('checkbox', { name: /I have checked our answers/ }).check();
  await vendor.getByRole('button', { name: 'Submit questionnaire' }).click();
  await expect(vendor.getByRole('heading', { name: /^Submitted on / })).toBeVisible();
}

test('procurement adds a vendor and its data, assesses it, reviews the answers and prints the report', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);

  // A new vendor: a contact centre with write access, essential to the business.
  await page.goto('/vendors');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const add = page.getByRole('dialog', { name: 'Add vendor' });
  await add.getByLabel('Name').fill(VENDOR);
  await add.getByLabel('Website').fill('contacthub.example');
  await add.getByLabel('Service provided').fill('Answers customer calls and chats for the loyalty programme');
  await add.getByRole('combobox', { name: 'Service types' }).click();
  await page.getByRole('option', { name: 'Contact centre' }).click();
  // Tab closes the list and moves on, as a keyboard user would.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listbox')).toBeHidden();
  await add.getByLabel('Business owner').fill('Head of Customer Service');
  await add.getByLabel('Business criticality').selectOption('5');
  await add.getByLabel('Access to our systems').selectOption('write');
  await expectNoAxeViolations(page);
  await add.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page).toHaveURL(/\/vendors\/\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: VENDOR })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${VENDOR} was added to the inventory` })).toBeVisible();
  await expect(page.getByText('5 of 5 (essential)')).toBeVisible();
  const vendorUrl = page.url();

  // The data it holds: names, then birth dates, then phone numbers complete an identity kit.
  await addHolding(page, 'contact.name');
  let section = await saveHolding(page);
  await expect(section.getByRole('status').filter({ hasText: 'Holding saved.' })).toContainText('Suggested Tier 1 (critical)');
  await addHolding(page, 'identity.birth_date');
  await saveHolding(page);
  section = await addHolding(page, 'contact.phone', /Identity kit/);
  // Untick "needed": the preview flags the excess data at once.
  await section.getByRole('checkbox', { name: 'Needed for the service' }).uncheck();
  await expect(section.getByRole('region', { name: 'If you save this' })).toContainText('Held but not needed: Phone numbers');
  await section.getByRole('checkbox', { name: 'Needed for the service' }).check();
  await expect(section.getByRole('region', { name: 'If you save this' })).not.toContainText('Held but not needed');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 1650 });
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, 'procurement-holdings-editor');
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveHolding(page);
  await expect(section.getByRole('status').filter({ hasText: 'Holding saved.' })).toContainText('Identity kit');
  await expect(section.getByRole('table', { name: 'Data held by this vendor' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Risk summary' })).toContainText('Tier 1 (critical)');

  // A Core assessment, as tier 1 suggests, and a link for the vendor.
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const start = page.getByRole('dialog', { name: `Start an assessment of ${VENDOR}` });
  await expect(start.getByRole('radio', { name: /^Core \(46 questions\), suggested/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await start.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/\d+$/);
  const assessmentUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: `${VENDOR}: Core assessment` })).toBeVisible();
  await page.getByLabel('Recipient name').fill('Casey Contact');
  await page.getByLabel('Recipient email').fill('casey@contacthub.example');
  await page.getByRole('button', { name: 'Create link' }).click();
  const urlField = page.getByRole('textbox', { name: 'Questionnaire link' });
  await expect(urlField).toHaveValue(/\/q\/[\w-]{40,}$/);
  const link = await urlField.inputValue();

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`asks ${VENDOR} to answer a security questionnaire`));
  await answerEverything(vendor);
  await vendorContext.close();

  // Back as procurement: review, reject one answer, complete.
  await page.goto(assessmentUrl);
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review started.' })).toBeVisible();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  // Evidence: an image is previewed in place, never opened as a page of ours.
  await review.locator('article#IAM-01').getByRole('button', { name: 'Preview mfa-settings.png' }).click();
  const preview = page.getByRole('dialog', { name: 'mfa-settings.png' });
  await expect(preview.getByRole('img', { name: 'Evidence: mfa-settings.png' })).toBeVisible();
  expect(await preview.getByRole('img', { name: 'Evidence: mfa-settings.png' }).evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(1);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(review.locator('article#IAM-01').getByRole('link', { name: 'Download mfa-settings.png' })).toHaveAttribute('href', /^\/api\/evidence\/\d+$/);
  const answer = review.locator('article#IAM-02');
  await answer.getByRole('button', { name: 'Reject' }).click();
  await answer.getByLabel('Why is the answer rejected?').fill('The policy attached covers administrators only.');
  await answer.getByRole('button', { name: 'Reject answer' }).click();
  await expect(answer.getByRole('status')).toHaveText('Rejected: it counts as No. The vendor sees your note on its questionnaire link.');
  await expect(answer).toContainText('The policy attached covers administrators only.');
  await expect(review.getByRole('complementary', { name: 'If completed now' })).toContainText('Critical controls failing: IAM-01, IAM-02, REC-01');
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-review');

  await page.getByRole('button', { name: 'Complete review' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete the review?' });
  await complete.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Review completed: grade F, critical risk \(20\), \d+ remediation tasks raised\./ })).toBeVisible();
  const result = page.getByRole('region', { name: 'Result', exact: true });
  await expect(result).toContainText('Newly failing');
  await expect(result).toContainText('IAM-01');
  await expect(result).toContainText("This is the vendor's first completed assessment.");
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-review-complete');

  // The vendor page: the new band, the tasks, and the history chart.
  await page.goto(vendorUrl);
  await expect(page.getByRole('region', { name: 'Risk summary' }).getByText('Critical (20)').first()).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Remediation tasks' });
  await expect(tasks.getByRole('row').filter({ hasText: 'IAM-01' })).toBeVisible();
  await expect(tasks.getByRole('row').filter({ hasText: 'REC-01' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Assessment history' }).getByRole('img', { name: /Score over time/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-vendor-after-review', true);

  // The printable report.
  await page.goto(`${assessmentUrl}/report`);
  await expect(page.getByRole('heading', { level: 2, name: `Assessment report: ${VENDOR}` })).toBeVisible();
  await expect(page.getByRole('table', { name: /Risk position/ })).toContainText('● 20');
  await expect(page.getByRole('table', { name: 'Failing controls and their framework references' })).toContainText('IAM-01');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', /\/api\/assessments\/\d+\/report\.pdf$/);
  await expect(page.getByRole('img', { name: /Score by domain/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Evidence files' })).toContainText(/mfa-settings\.png.*[0-9a-f]{64}/);
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-report', true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  await shot(page, 'procurement-report-print', true);
  await page.emulateMedia({ media: 'screen' });
});

test('a CSV import names the bad row and column, and imports once the file is fixed', async ({ page }) => {
  await page.goto('/vendors');
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import vendors or data holdings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'File format' })).toContainText('access_level');
  const file = page.getByLabel('CSV file');
  const bad = 'name,services,criticality,access_level\nImport Alpha Ltd,saas,3,read\nImport Beta Ltd,saas;catering,4,write\n';
  await file.setInputFiles({ name: 'vendors.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Preview' }).click();
  const problems = page.getByRole('table', { name: 'Problems in the file, by row and column' });
  await expect(problems.getByRole('row').filter({ hasText: 'services' })).toContainText(/3\s*services\s*Unknown service type "catering"/);
  await expect(page.getByText('vendors.csv has 1 problem')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-import-errors', true);

  const fixed = bad.replace('saas;catering', 'saas;logistics');
  await file.setInputFiles({ name: 'vendors-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('vendors-fixed.csv is ready: 2 rows can be imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 rows: 2 new, 0 updated.' })).toBeVisible();

  await page.goto('/vendors?q=Import%20Beta');
  await expect(page.getByRole('link', { name: 'Import Beta Ltd' })).toBeVisible();
});

test('the assessment list keeps its filters in the URL', async ({ page }) => {
  await page.goto('/vendors');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Assessments', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Assessments' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Assessments' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed' }).click();
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/status=completed/);
  // The previous list stays on screen until the filtered one arrives.
  await expect
    .poll(async () => {
      const texts = await rows.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes('Completed'));
    })
    .toBe(true);
  await expectNoAxeViolations(page);
  await shot(page, 'procurement-assessments');

  await page.getByRole('checkbox', { name: 'Overdue only' }).click();
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  await expect(page).toHaveURL(/overdue=1/);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  await expect(page).toHaveURL(/status=completed/);

  // A colleague's assessments: every assessor is offered, not only those on the page shown.
  const filters = page.getByRole('search', { name: 'Filter assessments' });
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('combobox', { name: 'Assessor' }).selectOption({ label: 'Tomas Whitlock' });
  await expect(page).toHaveURL(/assessor=user-tomas/);
  await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('Tomas Whitlock'))).toBe(true);
});

test('procurement keeps a vendor record: contacts, a tier override with its reason, archive and restore', async ({ page }) => {
  const name = 'Record Keeping Ltd';
  await page.goto('/vendors');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  await page.getByRole('dialog', { name: 'Add vendor' }).getByLabel('Name').fill(name);
  await page.getByRole('dialog', { name: 'Add vendor' }).getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  // A contact, added, changed and deleted.
  const contacts = page.getByRole('region', { name: 'Contacts', exact: true });
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  const addContact = page.getByRole('dialog', { name: 'Add contact' });
  await addContact.getByLabel('Name').fill('Sam Security');
  await addContact.getByLabel('Email').fill('not-an-email');
  await addContact.getByRole('button', { name: 'Save contact' }).click();
  await expect(addContact.getByRole('alert')).toContainText('Enter a valid email address');
  await addContact.getByLabel('Email').fill('sam@recordkeeping.example');
  await addContact.getByRole('button', { name: 'Save contact' }).click();
  await expect(contacts.getByRole('status')).toContainText('Contact saved.');
  await contacts.getByRole('button', { name: 'Edit Sam Security' }).click();
  await page.getByRole('dialog', { name: 'Edit Sam Security' }).getByLabel('Role').fill('Security lead');
  await page.getByRole('dialog', { name: 'Edit Sam Security' }).getByRole('button', { name: 'Save contact' }).click();
  await expect(contacts.getByRole('row').filter({ hasText: 'Sam Security' })).toContainText('Security lead');
  await contacts.getByRole('button', { name: 'Delete Sam Security' }).click();
  await page.getByRole('dialog', { name: 'Delete Sam Security?' }).getByRole('button', { name: 'Delete contact' }).click();
  await expect(contacts).toContainText('No contacts recorded.');

  // The tier: an override needs a reason of 10 characters or more.
  const summary = page.getByRole('region', { name: 'Risk summary' });
  await summary.getByRole('button', { name: 'Override tier' }).click();
  const override = page.getByRole('dialog', { name: 'Override the tier' });
  await override.getByLabel('Tier').selectOption('1');
  await override.getByLabel('Reason').fill('Busy');
  await override.getByRole('button', { name: 'Save override' }).click();
  await expect(override.getByText('Say why this vendor needs a different tier (at least 10 characters).')).toBeVisible();
  await expectNoAxeViolations(page);
  await override.getByLabel('Reason').fill('Runs the check-in desks during the summer peak');
  await override.getByRole('button', { name: 'Save override' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tier set to 1.' })).toBeVisible();
  await expect(summary).toContainText('Reason: Runs the check-in desks during the summer peak');
  await summary.getByRole('button', { name: 'Clear override' }).click();
  await page.getByRole('dialog', { name: 'Clear the tier override?' }).getByRole('button', { name: 'Clear override' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Override cleared' })).toBeVisible();

  // Archived, it is read-only; restored, it can be changed again.
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog', { name: `Archive ${name}?` }).getByRole('button', { name: 'Archive vendor' }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add holding' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog', { name: `Restore ${name}?` }).getByRole('button', { name: 'Restore vendor' }).click();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await edit.getByLabel('Contract start').fill('2027-01-01');
  await edit.getByLabel('Contract end').fill('2026-01-01');
  await edit.getByRole('button', { name: 'Save profile' }).click();
  await expect(edit.getByText('The contract cannot end before it starts')).toBeVisible();
  await edit.getByLabel('Contract end').fill('2029-12-31');
  await edit.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByText('1 Jan 2027 to 31 Dec 2029')).toBeVisible();
});
