/**
 * Remediation end to end, in a real browser against the real server: the
 * vendor marks a task ready through its link, the assessor verifies it on
 * the task page and the vendor's residual risk drops; a CISO accepts
 * another risk, which reopens by itself once the server's test clock
 * passes its expiry, with the owner told. Screenshots of the new pages
 * at desktop and phone sizes go to tests/.artifacts/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { request as playwrightRequest, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test, newAdministrator } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');

async function trpc<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  const text = await response.text();
  expect(response.ok(), text).toBe(true);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

function readDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'tollgate.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** "Unlikely × Moderate = 6" on the vendor page's risk summary. */
async function residualOnVendorPage(page: Page, vendorId: number): Promise<number> {
  await page.goto(`/vendors/${vendorId}`);
  const line = page.getByText(/ × .+ = \d+$/).first();
  await expect(line).toBeVisible();
  return Number(/= (\d+)$/.exec((await line.textContent()) ?? '')?.[1]);
}

async function shoot(page: Page, name: string) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // A fresh load at this size, as a phone would open it (the navigation collapses at load).
    await page.reload();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}.png`), fullPage: w === 390 ? false : true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a fix verified lowers the residual; an accepted risk reopens when it expires', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  await signInAs(page, 'procurement');

  // A vendor that answers Yes to everything but phishing-resistant MFA (a door) and one other control.
  const { vendorId } = await trpc<{ vendorId: number }>(page, 'vendors.create', { name: 'Harbour Parcel Lockers', services: ['logistics'], accessLevel: 'none', criticality: 3 });
  await trpc(page, 'vendors.upsertHolding', { vendorId, category: 'contact.email', subjects: 'customers', records: 250_000, needed: true });
  const { assessmentId } = await trpc<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  const { url } = await trpc<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: 'Hana Harbour', recipientEmail: 'hana@harbour.example' });
  const [version] = readDb<{ content: string }>('select v.content as content from assessments a join template_versions v on v.id = a.template_version_id where a.id = ?', assessmentId);
  const controls = (JSON.parse(version!.content) as { controls: { id: string; severity: string }[] }).controls;
  const other = controls.find((c) => !['IAM-01', 'IAM-02', 'REC-01', 'REC-02'].includes(c.id))!;

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  for (const c of controls) {
    await trpc(vendor, 'portal.saveAnswer', { controlId: c.id, value: c.id === 'IAM-01' || c.id === other.id ? 'no' : 'yes', comment: '', baseRevision: 0 });
  }
  await trpc(vendor, 'portal.submit', { confirmUnanswered: true });
  await trpc(page, 'assessments.transition', { assessmentId, to: 'in_review' });
  await trpc(page, 'assessments.acceptAllRemaining', { assessmentId, count: controls.length });
  await trpc(page, 'assessments.transition', { assessmentId, to: 'completed' });
  const residualBefore = await residualOnVendorPage(page, vendorId);

  // The vendor page links into the Tasks page with the vendor chosen.
  await page.getByRole('link', { name: 'Open these tasks on the Tasks page' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?vendor=${vendorId}$`));
  await expect(page.getByRole('combobox', { name: 'Vendor', exact: true })).toHaveValue(String(vendorId));
  const table = page.getByRole('table', { name: 'Remediation tasks' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await shoot(page, 'tasks-page');

  // The vendor marks the MFA task ready through its link.
  await vendor.goto(url);
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Remediation tasks' }).click();
  const mfaTask = vendor.getByRole('article').filter({ hasText: 'IAM-01' });
  await mfaTask.getByLabel('What did you do?').fill('Every agent now signs in with a security key; SMS codes are switched off.');
  await mfaTask.getByRole('button', { name: 'Mark ready for verification' }).click();
  await expect(mfaTask.getByText('Marked ready for verification.')).toBeVisible();

  // The assessor verifies it on the task page.
  await page.goto(`/tasks?vendor=${vendorId}&status=ready_for_verification`);
  await table.getByRole('link').filter({ hasText: /./ }).first().click();
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The vendor’s responses and evidence' })).toContainText('Every agent now signs in with a security key');
  await page.getByRole('button', { name: 'Verify and close' }).click();
  await page.getByLabel('What you checked (optional)').fill('Saw the identity provider policy: security keys only.');
  await page.getByRole('button', { name: 'Verify and close' }).last().click();
  await expect(page.getByText('Done: the task is now closed.')).toBeVisible();
  const history = page.getByRole('table', { name: 'History of the task' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Hana Harbour (vendor)');
  await expect(history).toContainText('Verified the fix and closed the task');
  await expectNoAxeViolations(page);
  await shoot(page, 'task-page');

  const residualAfter = await residualOnVendorPage(page, vendorId);
  expect(residualAfter).toBeLessThan(residualBefore);

  // A CISO accepts the other risk until tomorrow.
  const cisoContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const ciso = await cisoContext.newPage();
  await signInAs(ciso, 'ciso');
  await ciso.goto(`/tasks?vendor=${vendorId}`);
  await ciso.getByRole('table', { name: 'Remediation tasks' }).getByRole('link').first().click();
  await expect(ciso.getByText(other.id, { exact: false }).first()).toBeVisible();
  await ciso.getByRole('button', { name: 'Accept the risk' }).click();
  // The earliest expiry the form allows is tomorrow, by the server's day.
  const tomorrow = (await ciso.getByLabel('Accepted until').getAttribute('min'))!;
  await ciso.getByLabel('Justification').fill('Lockers hold no payment data; the replacement vendor starts next quarter.');
  await ciso.getByLabel('Accepted until').fill(tomorrow);
  await ciso.getByRole('button', { name: 'Accept the risk' }).last().click();
  await expect(ciso.getByText('Risk accepted: the control still counts as failed')).toBeVisible();
  await expectNoAxeViolations(ciso);
  const taskUrl = ciso.url();
  const taskId = Number(/\/tasks\/(\d+)$/.exec(taskUrl)?.[1]);
  // Wherever the risk is shown, the acceptance is shown with who and until when.
  await ciso.goto(`/vendors/${vendorId}`);
  await expect(ciso.getByRole('region', { name: 'Remediation tasks', exact: true })).toContainText(/Accepted by .+ until .+: still counted as failed/);
  await ciso.goto(taskUrl);

  // The clock passes the expiry: the scheduled job reopens the task and tells its owner.
  // The CISO's page is left, and the clock is moved without her cookie: any request of
  // hers while the clock runs 1.5 days ahead would rightly end her session (12 hours at most).
  await ciso.goto('about:blank');
  const clockMover = await playwrightRequest.newContext({ baseURL });
  try {
    const moved = await clockMover.post('/api/test/clock', { data: { offsetDays: 1.5 } });
    expect(moved.ok(), await moved.text()).toBe(true);
  } finally {
    await clockMover.post('/api/test/clock', { data: { offsetDays: 0 } });
    await clockMover.dispose();
  }
  // A day and a half later she signs in again, as she would have to after 12 hours anyway.
  await signInAs(ciso, 'ciso');
  await ciso.goto(taskUrl);
  await expect(ciso.getByText('Risk accepted: the control still counts as failed')).toHaveCount(0);
  const reopened = ciso.getByRole('table', { name: 'History of the task' });
  await expect(reopened).toContainText('Reopened: the accepted risk expired');
  await expect(ciso.getByText('Open', { exact: true }).first()).toBeVisible();
  const told = readDb<{ subject: string; to: string }>("select subject, \"to\" from email_outbox where subject like 'Accepted risk expired%' and text_body like ?", `%/tasks/${taskId}%`);
  expect(told).toHaveLength(1);


  // The reopened task: the vendor marks it ready, the assessor sends it back, and the vendor reads why.
  await vendor.goto(url);
  await vendor.getByRole('navigation', { name: 'Questionnaire' }).getByRole('link', { name: 'Remediation tasks' }).click();
  const smsTask = vendor.getByRole('article').filter({ hasText: other.id });
  await smsTask.getByLabel('What did you do?').fill('SMS codes are off for locker couriers.');
  await smsTask.getByRole('button', { name: 'Mark ready for verification' }).click();
  await expect(smsTask.getByText('Marked ready for verification.')).toBeVisible();
  await page.goto(`/tasks/${taskId}`);
  await page.getByRole('button', { name: 'Send back to the vendor' }).click();
  await page.getByLabel('What is still missing (the vendor reads this)').fill('Voice codes are still offered at the depot: switch them off too.');
  await page.getByRole('button', { name: 'Send back to the vendor' }).last().click();
  await expect(page.getByText('Done: the task is now in progress.')).toBeVisible();
  await vendor.reload();
  await expect(vendor.getByRole('article').filter({ hasText: other.id })).toContainText('The assessor sent this back: Voice codes are still offered at the depot');
  await expectNoAxeViolations(vendor);

  await cisoContext.close();
  await vendorContext.close();
});

test('the dashboard links to the overdue tasks; an assessor assigns several at once and downloads the list', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'procurement');
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Overdue tasks' }).click();
  await expect(page).toHaveURL(/\/tasks\?overdue=1$/);
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  const table = page.getByRole('table', { name: 'Remediation tasks' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  expect(await table.getByText('Overdue', { exact: true }).count()).toBe((await rows.count()) - 1);

  // Two tasks to the CISO at once.
  await page.goto('/tasks?sort=due_desc');
  const first = (await table.getByRole('row').nth(1).getByRole('link').first().textContent())!;
  await table.getByRole('row').nth(1).getByRole('checkbox').check();
  await table.getByRole('row').nth(2).getByRole('checkbox').check();
  const picker = page.getByRole('combobox', { name: 'Owner for the selected tasks' });
  const ciso = (await picker.locator('option').allTextContents()).find((o) => o !== 'Choose an owner' && o !== 'Nobody' && !o.includes('Ana'))!;
  await picker.selectOption({ label: ciso });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText(`2 tasks now owned by ${ciso}.`)).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(ciso);
  await expectNoAxeViolations(page);

  // The view as CSV, as shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^tollgate-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toBe('Task,Vendor,Control,Title,Severity,Status,Due,Overdue,Owner,Accepted by,Accepted until');
  expect(csv).toContain(first);
  expect(csv).toContain(ciso);
});

test('an administrator sets the SLA days; a milder severity may not get fewer days', async ({ page }) => {
  test.setTimeout(120_000);
  await newAdministrator(page, { email: 'sla.admin@tollgate.example', password: 'copper harbour signal 58', name: 'Sam Deadlines' });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const critical = page.getByLabel('Critical (days)');
  await expect(critical).toHaveValue('15');
  await critical.fill('45');
  await page.getByRole('button', { name: 'Save deadlines' }).click();
  await expect(page.getByText('critical tasks cannot get more days (45) than high ones (30)')).toBeVisible();
  await critical.fill('10');
  await page.getByRole('button', { name: 'Save deadlines' }).click();
  await expect(page.getByText('Tasks raised from now on get these deadlines; tasks already raised keep theirs.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Critical (days)')).toHaveValue('10');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-sla-1280.png'), fullPage: true });
  // Back to the scoring model's default, for the specs that follow.
  await page.getByLabel('Critical (days)').fill('15');
  await page.getByRole('button', { name: 'Save deadlines' }).click();
  await expect(page.getByText('Tasks raised from now on get these deadlines; tasks already raised keep theirs.')).toBeVisible();
});
