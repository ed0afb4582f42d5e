/**
 * A sensitive link asks for a code emailed to the recipient before it shows
 * anything; once the review is complete, the vendor sees its remediation
 * tasks and answers them. Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');

/** Calls a staff procedure with the signed-in page's cookies. */
async function staffMutation(page: Page, procedure: string, input: unknown) {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
}

/** The code in the latest email to this address; without SMTP the server keeps mail in its outbox. */
function latestCodeFor(email: string): string {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'tollgate.sqlite'), { readonly: true });
  try {
    const row = db.prepare('select text_body as body from email_outbox where "to" = ? order by id desc limit 1').get(email) as { body: string } | undefined;
    const code = /code is (\d{6})/.exec(row?.body ?? '')?.[1];
    if (!code) throw new Error(`No code was emailed to ${email}`);
    return code;
  } finally {
    db.close();
  }
}

test('a code-protected link, then remediation tasks once the review is complete', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  await page.goto('/vendors');
  await page.getByRole('link', { name: 'Verity Screening' }).click();
  await page.getByRole('region', { name: 'Assessments', exact: true }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/assessments\/\d+$/);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(page.url())?.[1]);
  await page.getByLabel('Recipient name').fill('Gabriel Santos');
  await page.getByLabel('Recipient email').fill('gabriel@verity.example');
  await page.getByRole('checkbox', { name: "Ask for a code sent to the recipient's email first" }).check();
  await page.getByRole('button', { name: 'Create link' }).click();
  const url = await page.getByRole('textbox', { name: 'Questionnaire link' }).inputValue();
  // The review is completed by staff, which raises the remediation tasks.
  await staffMutation(page, 'assessments.transition', { assessmentId, to: 'in_review' });
  await staffMutation(page, 'assessments.transition', { assessmentId, to: 'completed' });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await expect(vendor.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeVisible();
  await expect(vendor.getByRole('navigation')).toHaveCount(0);
  await vendor.getByRole('button', { name: 'Email me a code' }).click();
  await expect(vendor.getByText('Code sent to …@verity.example')).toBeVisible();
  const code = latestCodeFor('gabriel@verity.example');
  await vendor.getByLabel('Code from the email').fill(code === '000000' ? '000001' : '000000');
  await vendor.getByRole('button', { name: 'Continue' }).click();
  await expect(vendor.getByRole('alert')).toContainText('That code is not right');
  await expectNoAxeViolations(vendor);
  await vendor.screenshot({ path: path.join(ARTIFACTS, 'portal-email-code.png') });
  await vendor.getByLabel('Code from the email').fill(code);
  await vendor.getByRole('button', { name: 'Continue' }).click();

  await expect(vendor.getByRole('heading', { level: 1 })).toHaveText(/asks Verity Screening to answer a security questionnaire/);
  await expect(vendor.getByText('The review is complete.', { exact: false })).toBeVisible();
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Remediation tasks' }).click();
  await expect(vendor.getByRole('heading', { level: 1, name: 'Remediation tasks' })).toBeVisible();
  const task = vendor.getByRole('article').first();
  await expect(task.getByRole('heading', { name: 'What to do' })).toBeVisible();
  await task.getByLabel('What did you do?').fill('Removed SMS as a second factor for all staff on 1 March.');
  await task.getByRole('button', { name: 'Save update' }).click();
  await expect(task.getByText('Update saved.')).toBeVisible();
  await task.getByLabel('Attach evidence').setInputFiles({ name: 'mfa-methods.csv', mimeType: 'text/csv', buffer: Buffer.from('method,enabled\nsms,false\n') });
  await expect(task.getByRole('link', { name: 'mfa-methods.csv' })).toBeVisible();
  await task.getByRole('button', { name: 'Mark ready for verification' }).click();
  await expect(task.getByText('Marked ready for verification.')).toBeVisible();
  await expect(task).toContainText('Ready for verification');
  await expectNoAxeViolations(vendor);
  await vendor.screenshot({ path: path.join(ARTIFACTS, 'portal-tasks.png') });
  await vendorContext.close();
});
