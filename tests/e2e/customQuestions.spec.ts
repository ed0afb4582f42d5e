/**
 * A template of custom and conditional questions in Chromium, from the
 * library to the review: procurement imports and publishes a small
 * template, starts an assessment with it and creates a link; the vendor, in
 * a browser of its own, answers a choice, a yes/no routing question whose
 * answer shows and hides the follow-up number question, and free text, then
 * submits; procurement reads every answer in words and completes the
 * review. Then procurement builds a conditional custom question in a new
 * section in the draft editor, previews it, publishes it and sends it; the
 * vendor sees the new section only once its answer calls for it, answers and
 * submits; procurement reviews and completes it. Axe checks each page. Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `custom-${name}.png`), fullPage: true });

const TEMPLATE = {
  format: 'tollgate-template/1',
  key: 'e2e-connections',
  name: 'E2E connections check',
  description: 'How a supplier signs in and connects to our systems.',
  sections: [
    { id: 'access', title: 'Signing in', description: 'How your staff reach the systems that hold our data.' },
    { id: 'connections', title: 'Connections to our systems', description: 'Only if your service connects to ours.' },
  ],
  questions: [
    {
      id: 'sso',
      type: 'single_choice',
      section: 'access',
      severity: 'high',
      title: 'Staff sign-in',
      text: 'How do your staff sign in to the systems that hold our data?',
      help: 'Pick the weakest method any member of staff can still use.',
      options: [
        { id: 'sso-mfa', label: 'Single sign-on with phishing-resistant MFA', score: 1 },
        { id: 'sso', label: 'Single sign-on with other MFA', score: 0.5 },
        { id: 'local', label: 'Separate passwords per system', score: 0 },
      ],
    },
    { id: 'has-integrations', type: 'yes_partial_no', section: 'connections', severity: 'low', weight: 0, title: 'Connects to us', text: 'Does your service connect to our systems?' },
    {
      id: 'token-lifetime',
      type: 'number',
      section: 'connections',
      severity: 'medium',
      title: 'Token lifetime',
      text: 'How many days does an access token for our systems live?',
      bands: [{ max: 1, score: 1 }, { min: 1, max: 30, score: 0.5 }, { min: 30, score: 0 }],
      condition: { question: 'has-integrations', anyOf: ['yes', 'partial'] },
    },
    { id: 'notes', type: 'text', section: 'connections', required: false, naAllowed: true, title: 'Anything else', text: 'Anything else we should know about how you connect?' },
  ],
};

/** Starts an assessment of the vendor with the chosen questionnaire, on the vendor's page, and creates its link. */
async function startAndLink(page: Page, vendor: { id: number; name: string }, questionnaire: string | RegExp, recipient: { name: string; email: string }) {
  await page.goto(`/vendors/${vendor.id}`);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const start = page.getByRole('dialog', { name: `Start an assessment of ${vendor.name}` });
  await start.getByRole('radio', { name: questionnaire }).check();
  await start.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/\d+$/);
  const assessmentUrl = page.url();
  await page.getByLabel('Recipient name').fill(recipient.name);
  await page.getByLabel('Recipient email').fill(recipient.email);
  await page.getByRole('button', { name: 'Create link' }).click();
  const urlField = page.getByRole('textbox', { name: 'Questionnaire link' });
  await expect(urlField).toHaveValue(/\/q\/[\w-]{40,}$/);
  return { assessmentUrl, link: await urlField.inputValue() };
}

/** The vendor confirms and submits on the submit page it is on. */
async function submitAsVendor(vendor: Page) {
  await vendor.getByRole('checkbox', { name: /I have checked our answers/ }).check();
  await vendor.getByRole('button', { name: 'Submit questionnaire' }).click();
  await expect(vendor.getByRole('heading', { name: /^Submitted on / })).toBeVisible();
}

async function completeTheReview(page: Page) {
  await page.getByRole('button', { name: 'Complete review' }).click();
  await page.getByRole('dialog', { name: 'Complete the review?' }).getByRole('button', { name: 'Complete review' }).click();
}

async function trpc<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('a vendor answers custom questions whose follow-up appears only when it applies, and procurement reviews them', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  await trpc(page, 'templates.import', { content: JSON.stringify(TEMPLATE), fileName: 'connections.json' });
  await trpc(page, 'templates.publish', { key: TEMPLATE.key, version: 1 });
  const { vendorId } = await trpc<{ vendorId: number }>(page, 'vendors.create', { name: 'Conditional Questions Ltd' });

  // Start an assessment with it: it can be chosen like any published template.
  const { assessmentUrl, link } = await startAndLink(page, { id: vendorId, name: 'Conditional Questions Ltd' }, 'E2E connections check (4 questions)', { name: 'Cora Connect', email: 'cora@conditional.example' });

  // The vendor, in a browser without staff cookies.
  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  // The follow-up question is not counted until the answer it depends on says it applies.
  await expect(vendor.getByText('0 of 3 answered')).toBeVisible();
  await vendor.getByRole('link', { name: 'Start' }).click();

  await expect(vendor.getByRole('heading', { level: 1, name: 'Signing in' })).toBeVisible();
  await expect(vendor.getByText('How your staff reach the systems that hold our data.')).toBeVisible();
  const sso = vendor.locator('article#sso');
  await expect(sso.getByText('Pick the weakest method any member of staff can still use.')).toBeVisible();
  await sso.getByRole('radio', { name: 'Single sign-on with other MFA' }).check();
  await expect(sso.getByText('Saved', { exact: true })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'portal-choice');

  await vendor.getByRole('link', { name: /Next: Connections to our systems/ }).click();
  const routing = vendor.locator('article#has-integrations');
  const tokenLifetime = vendor.locator('article#token-lifetime');
  await expect(routing).toBeVisible();
  await expect(tokenLifetime).toHaveCount(0);
  await routing.getByRole('radio', { name: 'Yes' }).check();
  await expect(tokenLifetime).toBeVisible();
  await tokenLifetime.getByLabel('Number').fill('14');
  await expect(tokenLifetime.getByText('Saved', { exact: true })).toBeVisible();
  // Saying No hides the follow-up again; Yes brings it back with the answer kept.
  await routing.getByRole('radio', { name: 'No' }).check();
  await expect(tokenLifetime).toHaveCount(0);
  await routing.getByRole('radio', { name: 'Yes' }).check();
  await expect(tokenLifetime.getByLabel('Number')).toHaveValue('14');
  const notes = vendor.locator('article#notes');
  await expect(notes.getByText('(optional)', { exact: true })).toBeVisible();
  await notes.getByLabel('Your answer').fill('Nightly export over SFTP.');
  await expect(notes.getByText('Saved', { exact: true })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'portal-conditional');

  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Review and submit' }).click();
  await expect(vendor.getByText('All 4 questions are answered.')).toBeVisible();
  // One Yes (the routing question); the choice, the number and the text are counted as what they are, not lost.
  const summary = vendor.getByRole('region', { name: 'Your answers' });
  await expect(summary.getByRole('definition')).toHaveText(['1', '0', '0', '0', '3']);
  await expect(summary.getByRole('term').last()).toHaveText('Choices, numbers, dates and text');
  // The person who sent it is also the organisation's contact for vendors: named once.
  await expect(vendor.getByRole('contentinfo')).toContainText('Questions about this questionnaire? Contact Ana Kovalenko at ana.kovalenko@tollgate.example.');
  await expectNoAxeViolations(vendor);
  await submitAsVendor(vendor);
  await vendorContext.close();

  // Procurement reads each answer in words, then completes the review.
  await page.goto(assessmentUrl);
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review started.' })).toBeVisible();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review.locator('article#sso')).toContainText('Single sign-on with other MFA');
  await expect(review.locator('article#token-lifetime')).toContainText('14');
  await expect(review.locator('article#token-lifetime')).toContainText('Asked only when “Connects to us” is answered Yes or Partial.');
  await expect(review.locator('article#notes')).toContainText('Nightly export over SFTP.');
  await expectNoAxeViolations(page);
  await shot(page, 'review');

  await completeTheReview(page);
  // sso 0.5 x 4 and the token lifetime 0.5 x 2 of 6 weighted points: 50.0, an F, and two tasks.
  await expect(page.getByRole('status').filter({ hasText: /Review completed: grade F, .* 2 remediation tasks raised\./ })).toBeVisible();
  // What now fails is named as the questionnaire names it, not by its internal id.
  const newlyFailing = page.getByRole('region', { name: 'Result' }).getByRole('listitem');
  await expect(newlyFailing).toHaveText(['Staff sign-in', 'Token lifetime']);
  await expectNoAxeViolations(page);

  // The vendor page scores the template's own sections, so the failing custom questions show there too.
  await page.goto(`/vendors/${vendorId}`);
  const scores = page.getByRole('table', { name: 'Score by domain, out of 100' });
  await expect(scores.getByRole('row', { name: /Signing in 50\.0/ })).toBeVisible();
  await expect(scores.getByRole('row', { name: /Connections to our systems 50\.0/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Score by domain, out of 100: .*Signing in/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('procurement builds a conditional question and a section in the editor, previews, publishes and sends it; the vendor answers; procurement reviews', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  const draft = { ...TEMPLATE, key: 'e2e-editor-draft', name: 'E2E editor draft', questions: TEMPLATE.questions.slice(0, 2) };
  await trpc(page, 'templates.import', { content: JSON.stringify(draft), fileName: 'draft.json' });
  await page.goto('/templates/e2e-editor-draft/1');
  const editor = page.getByRole('region', { name: 'Custom questions', exact: true });
  await expect(editor).toContainText('2 custom questions');
  const form = editor.getByRole('form', { name: 'Add a custom question' });

  // A number question in a new section, shown only when the vendor connects to our systems.
  await form.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'A number' }).click();
  await form.getByLabel('Question id').fill('token-days');
  await form.getByRole('combobox', { name: 'Section' }).click();
  await page.getByRole('option', { name: 'A new section…' }).click();
  await form.getByLabel('New section id').fill('tokens');
  await form.getByLabel('New section title').fill('Access tokens');
  await form.getByLabel('Short title').fill('Token lifetime');
  await form.getByLabel('Question, as the vendor reads it').fill('How many days does an access token for our systems live?');
  await form.getByLabel('Score bands').fill('..1 = 1\n1..30 = 0.5\n30.. = 0');
  await form.getByLabel('Condition').fill('has-integrations = yes');
  // A mistake first: the server names it and nothing is saved.
  await form.getByLabel('Condition').fill('has-integration = yes');
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(form.getByRole('alert')).toContainText('Unknown question "has-integration"');
  await expect(editor).toContainText('2 custom questions');
  await expectNoAxeViolations(page);

  await form.getByLabel('Condition').fill('has-integrations = yes');
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Draft saved: 3 questions.' })).toBeVisible();
  await expect(editor).toContainText('3 custom questions');
  await expect(editor.getByRole('table', { name: 'Custom questions in this draft' })).toContainText('token-days: Token lifetime');
  // The outline names the condition as the review page does: the question's title and the answer's label.
  await expect(page.getByText('Shown only when “Connects to us” is answered Yes')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'editor');

  // The preview: the draft as the portal draws it, answered by keyboard; the follow-up appears, nothing is saved.
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') calls.push(request.url());
  });
  const previewButton = page.getByRole('button', { name: 'Preview as the vendor sees it' });
  await previewButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Close the preview' })).toHaveAttribute('aria-expanded', 'true');
  const preview = page.frameLocator('iframe[title="Preview of the questionnaire as the vendor sees it"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Signing in' })).toBeVisible();
  await expect(preview.getByText('Section 1 of 2')).toBeVisible();
  await expect(preview.getByText('Pick the weakest method any member of staff can still use.')).toBeVisible();
  await expect(preview.getByRole('navigation', { name: 'Sections' })).not.toContainText('Access tokens');
  await expect(preview.getByText('0 of 2 answered')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'preview');

  const next = preview.getByRole('link', { name: 'Next: Connections to our systems' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(preview.getByRole('heading', { level: 1, name: 'Connections to our systems' })).toBeFocused();
  const connects = preview.getByRole('group', { name: 'Does your service connect to our systems?' });
  await connects.getByRole('radio', { name: 'No' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(connects.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(preview.getByText('Section 2 of 3')).toBeVisible();
  await expect(preview.getByText('1 of 3 answered')).toBeVisible();
  await preview.getByRole('link', { name: 'Next: Access tokens' }).click();
  const days = preview.getByRole('group', { name: 'How many days does an access token for our systems live?' });
  await expect(days.getByRole('textbox', { name: 'Number' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'preview-follow-up');

  // Back and answered No: the follow-up goes again.
  await preview.getByRole('link', { name: 'Connections to our systems' }).first().click();
  await connects.getByRole('radio', { name: 'No' }).check();
  await expect(preview.getByRole('navigation', { name: 'Sections' })).not.toContainText('Access tokens');
  expect(calls, 'the preview sends nothing to the server').toEqual([]);
  await page.reload();
  await expect(editor).toContainText('3 custom questions');

  // What was built in the editor goes to a vendor: published, chosen when starting an assessment, sent through a link.
  await page.goto('/templates');
  await page.getByRole('button', { name: 'Publish E2E editor draft version 1' }).click();
  await page.getByRole('dialog', { name: 'Publish E2E editor draft version 1?' }).getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'E2E editor draft version 1 is published.' })).toBeVisible();
  const { vendorId } = await trpc<{ vendorId: number }>(page, 'vendors.create', { name: 'Editor Built Ltd' });
  const { assessmentUrl, link } = await startAndLink(page, { id: vendorId, name: 'Editor Built Ltd' }, /^E2E editor draft/, { name: 'Eddie Editor', email: 'eddie@editor-built.example' });

  // The vendor sees the new section only once it says it connects, answers it, and submits.
  const vendorContext = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await expect(vendor.getByText('0 of 2 answered')).toBeVisible();
  await vendor.getByRole('link', { name: 'Start' }).click();
  await vendor.locator('article#sso').getByRole('radio', { name: 'Separate passwords per system' }).check();
  await expect(vendor.locator('article#sso').getByText('Saved', { exact: true })).toBeVisible();
  await vendor.getByRole('link', { name: /Next: Connections to our systems/ }).click();
  await expect(vendor.getByRole('navigation', { name: 'Questionnaire' })).not.toContainText('Access tokens');
  await vendor.locator('article#has-integrations').getByRole('radio', { name: 'Yes' }).check();
  await vendor.getByRole('link', { name: /Next: Access tokens/ }).click();
  const tokenDays = vendor.locator('article#token-days');
  await tokenDays.getByLabel('Number').fill('45');
  await expect(tokenDays.getByText('Saved', { exact: true })).toBeVisible();
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Review and submit' }).click();
  await expect(vendor.getByText('All 3 questions are answered.')).toBeVisible();
  await submitAsVendor(vendor);
  await vendorContext.close();

  // Procurement reviews it: the follow-up's answer with its condition in words, and the two failures raise tasks.
  await page.goto(assessmentUrl);
  await page.getByRole('button', { name: 'Start review' }).click();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review.locator('article#token-days')).toContainText('45');
  await expect(review.locator('article#token-days')).toContainText('Asked only when “Connects to us” is answered Yes.');
  await completeTheReview(page);
  await expect(page.getByRole('status').filter({ hasText: /Review completed: grade .*, .* 2 remediation tasks raised\./ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Result' }).getByRole('listitem')).toHaveText(['Staff sign-in', 'Token lifetime']);
  await expectNoAxeViolations(page);
});
