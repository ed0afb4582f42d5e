/**
 * The questionnaire link end to end, in Chromium: procurement creates a
 * link on the staff page; the vendor, in a browser of its own, opens it,
 * answers (autosave, a conflict between two tabs, evidence), reloads,
 * submits and finds the questionnaire locked; the link then shows as
 * submitted to staff. Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoUser, expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

/** A tiny PDF that passes the server's content check. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

test('a vendor answers and submits through a link, and staff see the link as submitted', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  // Staff: open the draft assessment of Brightwing Facilities and create a link.
  await signInAs(page, 'procurement');
  await page.goto('/vendors');
  await page.getByRole('link', { name: 'Brightwing Facilities' }).click();
  await page.getByRole('region', { name: 'Assessments', exact: true }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/assessments\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Questionnaire links' })).toBeVisible();
  await page.getByLabel('Recipient name').fill('Val Vendor');
  await page.getByLabel('Recipient email').fill('val@brightwing.example');
  await page.getByRole('button', { name: 'Create link' }).click();
  const urlField = page.getByRole('textbox', { name: 'Questionnaire link' });
  await expect(urlField).toHaveValue(/\/q\/[\w-]{40,}$/);
  const url = await urlField.inputValue();
  const token = url.split('/q/')[1]!;
  await expect(page.getByText('this is the only time the link is shown', { exact: false })).toBeVisible();
  await expect(page.getByRole('row', { name: /Val Vendor/ })).toContainText('Active');
  await shot(page, 'staff-assessment-link', true);
  await expectNoAxeViolations(page);

  // The vendor: a browser without staff cookies.
  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await expect(vendor).toHaveURL(/\/portal$/);
  expect(vendor.url()).not.toContain(token);
  await expect(vendor.getByRole('heading', { level: 1 })).toHaveText(/asks Brightwing Facilities to answer a security questionnaire/);
  await expect(vendor.getByText('0 of 15 answered')).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'portal-welcome', true);
  await vendor.keyboard.press('Tab');
  await expect(vendor.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

  await vendor.getByRole('link', { name: 'Start' }).click();
  await expect(vendor).toHaveURL(/\/portal\/questions\/IAM$/);
  const mfa = vendor.locator('#IAM-01');
  await mfa.getByRole('radio', { name: 'No' }).check();
  await expect(mfa.getByRole('heading', { name: 'Why this matters' })).toBeVisible();
  await expect(mfa.getByText('Saved', { exact: true })).toBeVisible();
  await mfa.getByLabel('Comment (optional)').fill('Security keys for administrators; staff roll-out planned.');
  await expect(mfa.getByText('Saving…')).toBeVisible();
  await expect(mfa.getByText('Saved', { exact: true })).toBeVisible();
  await mfa.getByLabel('Attach evidence').setInputFiles({ name: 'mfa-policy.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(mfa.getByRole('link', { name: 'mfa-policy.pdf' })).toBeVisible();
  const admins = vendor.locator('#IAM-02');
  await admins.getByRole('radio', { name: 'Yes' }).check();
  await expect(admins.getByText('Saved', { exact: true })).toBeVisible();
  await expect(vendor.getByText('2 of 15 answered')).toBeVisible();
  await expect(vendor.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await vendor.evaluate('window.scrollTo(0, 0)');
  await shot(vendor, 'portal-questionnaire-why-this-matters');

  // A colleague's tab opened before this answer changed: its save is a conflict, shown side by side.
  const colleague = await vendorContext.newPage();
  await colleague.goto('/portal/questions/IAM');
  await expect(colleague.locator('#IAM-03').getByRole('radio', { name: 'Partial' })).toBeEnabled();
  await vendor.locator('#IAM-03').getByRole('radio', { name: 'Yes' }).check();
  await expect(vendor.locator('#IAM-03').getByText('Saved', { exact: true })).toBeVisible();
  const clash = colleague.locator('#IAM-03');
  await clash.getByRole('radio', { name: 'Partial' }).check();
  await expect(clash.getByRole('heading', { name: /changed by someone else/ })).toBeVisible();
  await expect(clash.getByRole('heading', { name: 'Your answer' })).toBeVisible();
  await expect(clash.getByRole('heading', { name: /Saved by Val Vendor at/ })).toBeVisible();
  await expectNoAxeViolations(colleague);
  await clash.screenshot({ path: path.join(ARTIFACTS, 'portal-conflict.png') });
  await clash.getByRole('button', { name: 'Use mine' }).click();
  await expect(clash.getByText('Saved', { exact: true })).toBeVisible();
  await colleague.close();

  // Everything comes back from the server after a reload.
  await vendor.reload();
  await expect(mfa.getByRole('radio', { name: 'No' })).toBeChecked();
  await expect(mfa.getByLabel('Comment (optional)')).toHaveValue('Security keys for administrators; staff roll-out planned.');
  await expect(mfa.getByRole('link', { name: 'mfa-policy.pdf' })).toBeVisible();
  await expect(vendor.locator('#IAM-03').getByRole('radio', { name: 'Partial' })).toBeChecked();
  await expect(vendor.getByText('3 of 15 answered')).toBeVisible();

  // On a phone: nothing wider than the screen.
  await vendor.setViewportSize({ width: 360, height: 780 });
  await vendor.evaluate('window.scrollTo(0, 0)');
  expect(Number(await vendor.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
  await shot(vendor, 'portal-phone-360');
  await vendor.setViewportSize({ width: 1280, height: 1000 });

  // The overview counts the new answers too.
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Overview' }).click();
  await expect(vendor.getByText('3 of 15 answered')).toBeVisible();
  await expect(vendor.getByRole('link', { name: 'Continue' })).toBeVisible();

  // Review: unanswered questions first, then submit.
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Review and submit' }).click();
  await expect(vendor.getByRole('heading', { name: '12 questions not answered' })).toBeVisible();
  await expect(vendor.getByText('Unanswered questions count as No')).toBeVisible();
  await expect(vendor.getByRole('link', { name: /IAM-04/ })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await vendor.getByRole('checkbox', { name: /I have checked our answers/ }).check();
  await vendor.getByRole('button', { name: 'Submit questionnaire' }).click();

  await expect(vendor.getByRole('heading', { name: /^Submitted on / })).toBeVisible();
  await expect(mfa.getByRole('radio', { name: 'No' })).toBeChecked();
  for (const radio of await vendor.getByRole('radio').all()) await expect(radio).toBeDisabled();
  for (const box of await vendor.getByRole('textbox').all()) await expect(box).toBeDisabled();
  await expect(vendor.locator('input[type=file]')).toHaveCount(0);
  await expect(vendor.getByRole('link', { name: 'Review and submit' })).toHaveCount(0);
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'portal-submitted');
  await vendorContext.close();

  // Staff: the link now shows as submitted.
  await page.reload();
  await expect(page.getByRole('row', { name: /Val Vendor/ })).toContainText('Submitted');
  await expect(page.getByText('3 of 15 questions answered')).toBeVisible();
});

test('an unknown link answers 404 with a plain page', async ({ page }) => {
  const response = await page.goto(`/q/${'A'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
});

test('the portal without a link session shows only the way back in', async ({ page }) => {
  await page.goto('/portal');
  await expect(page.getByText('Your session has ended. Open the link from your email again.')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

/** Calls a staff procedure with the signed-in page's cookies and returns its result. */
async function staffCall<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** As procurement: a new assessment of Ashdown Pryce Legal (no other test uses it) and a link to it. */
async function assessmentWithLink(page: Page, options: { emailCodeRequired?: boolean } = {}) {
  await signInAs(page, 'procurement');
  await page.goto('/vendors?q=Ashdown');
  await page.getByRole('link', { name: 'Ashdown Pryce Legal' }).click();
  await expect(page).toHaveURL(/\/vendors\/\d+$/);
  const vendorId = Number(/\/vendors\/(\d+)$/.exec(page.url())?.[1]);
  const { assessmentId } = await staffCall<{ assessmentId: number }>(page, 'assessments.start', { vendorId });
  const { url } = await staffCall<{ url: string }>(page, 'assessments.createShareLink', {
    assessmentId,
    recipientName: 'Philippa Ashdown',
    recipientEmail: 'philippa@ashdown-pryce.example',
    emailCodeRequired: options.emailCodeRequired ?? false,
  });
  return { assessmentId, url };
}

test('a vendor whose questionnaire is cancelled is told it is closed, and whom to ask', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const { assessmentId, url } = await assessmentWithLink(page);
  const vendorContext = await browser.newContext({ baseURL });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await expect(vendor.getByRole('heading', { level: 1 })).toHaveText(/asks Ashdown Pryce Legal to answer a security questionnaire/);

  await staffCall(page, 'assessments.transition', { assessmentId, to: 'cancelled', note: 'Counsel no longer retained' });

  // The page the vendor already has open: its next request finds the questionnaire closed.
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Questions' }).click();
  await expect(vendor.getByRole('heading', { level: 1, name: 'This questionnaire is closed' })).toBeVisible();
  await expect(vendor.getByText('There is nothing more to answer here. Answers already saved are kept.')).toBeVisible();
  const asker = demoUser('procurement');
  await expect(vendor.getByRole('link', { name: asker.email })).toHaveAttribute('href', `mailto:${asker.email}`);
  await expect(vendor.getByRole('navigation')).toHaveCount(0);
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'portal-closed');

  // The link itself now answers with the same news, as a plain page.
  const response = await vendor.goto(url);
  expect(response?.status()).toBe(410);
  await expect(vendor.getByRole('heading', { level: 1, name: 'This questionnaire is closed' })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await vendorContext.close();
});

test('too many wrong emailed codes pause the link, and the vendor is told until when', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const { assessmentId, url } = await assessmentWithLink(page, { emailCodeRequired: true });
  const vendorContext = await browser.newContext({ baseURL });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await vendor.getByRole('button', { name: 'Email me a code' }).click();
  await expect(vendor.getByText('Code sent to …@ashdown-pryce.example')).toBeVisible();
  const field = vendor.getByLabel('Code from the email');
  // Five made-up codes: the odds that one is the emailed code are 5 in a million.
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await field.fill(String(attempt).padStart(6, '9'));
    await vendor.getByRole('button', { name: 'Continue' }).click();
    await expect(vendor.getByRole('alert')).toContainText(`after ${5 - attempt} more wrong code`);
  }
  await field.fill('999995');
  await vendor.getByRole('button', { name: 'Continue' }).click();
  const alert = vendor.getByRole('alert');
  await expect(alert).toContainText('Too many wrong codes were entered for this link, so codes are paused for your security. You can try again in 15 minutes.');
  await expect(alert).toContainText(/That is at \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}\./);
  await expectNoAxeViolations(vendor);
  await vendor.screenshot({ path: path.join(ARTIFACTS, 'portal-code-paused.png') });

  // Coming back later in the pause: said at once, before asking for a code.
  await vendor.reload();
  await expect(vendor.getByRole('status').filter({ hasText: 'codes are paused for your security' })).toContainText(/ask for a new code at \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}/);
  await vendor.getByRole('button', { name: 'Email me a code' }).click();
  await expect(vendor.getByRole('alert')).toContainText('You can try again in 15 minutes.');
  await expectNoAxeViolations(vendor);
  await vendorContext.close();

  // Staff see why the vendor cannot get in, beside the link.
  await page.goto(`/assessments/${assessmentId}`);
  await expect(page.getByRole('row', { name: /Philippa Ashdown/ })).toContainText(/Too many wrong codes: new codes paused until/);
});
