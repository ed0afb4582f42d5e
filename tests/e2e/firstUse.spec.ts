/**
 * What a new user tripped on, in Chromium: badges cut short at 1280 x 800,
 * a holdings preview that did not say which value was now and which after,
 * a report matrix turned the other way from the dashboard's, "emailed" said
 * of a message that only waits in the Outbox, and vendors reading "Our
 * organisation asks…" because the name could not be set. Screenshots go to
 * tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';
import { expect, expectNoAxeViolations, signInAs, test, newAdministrator } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** GET a tRPC query as the signed-in page would, with superjson's envelope. */
async function api<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The text of every visible badge whose words do not fit in it (cut off, or spilling out), with its own width and what it needs. */
function cutBadges(page: Page): Promise<string[]> {
  return page.locator('.mantine-Badge-root').evaluateAll((badges) =>
    badges
      .filter((badge) => badge.checkVisibility())
      .flatMap((badge) => {
        const parts = [badge, ...badge.querySelectorAll('.mantine-Badge-label')];
        const cut = parts.find((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
        return cut ? [`"${badge.textContent ?? ''}" (${cut.clientWidth} x ${cut.clientHeight} px shown, ${cut.scrollWidth} x ${cut.scrollHeight} px needed)`] : [];
      }),
  );
}

/**
 * Screenshots at desktop and phone width (where no badge may be cut either),
 * then back to the desktop size. `fitsPhone`: the page must not scroll sideways there.
 */
async function shots(page: Page, name: string, { fitsPhone = false } = {}) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
  expect(await cutBadges(page), `badges cut off on ${name} at phone width`).toEqual([]);
  if (fitsPhone) expect(Number(await page.evaluate('document.documentElement.scrollWidth')), `${name} scrolls sideways at phone width`).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
}

test.describe.configure({ timeout: 90_000 });
test.use({ viewport: DESKTOP });

test('no badge is cut off at 1280 x 800: dashboard, a review and an import preview', async ({ page }) => {
  await signInAs(page, 'procurement');

  await page.goto('/dashboard');
  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect(figures.getByText('Not assessed', { exact: true })).toBeVisible();
  await expect(figures.getByText('Critical', { exact: true }).first()).toBeVisible();
  expect(await cutBadges(page)).toEqual([]);
  await shots(page, 'badges-dashboard');

  const inReview = await api<{ rows: { id: number }[] }>(page, 'assessments.list', { status: ['in_review', 'submitted'] });
  expect(inReview.rows.length).toBeGreaterThan(0);
  await page.goto(`/assessments/${inReview.rows[0]!.id}`);
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review.getByText('Critical control').first()).toBeVisible();
  expect(await cutBadges(page)).toEqual([]);
  await shots(page, 'badges-review');

  await page.goto('/vendors/import');
  const csv = 'name,services,criticality,access_level\nBadge Alpha Ltd,saas,3,read\nBadge Beta Ltd,saas;catering,4,write\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'vendors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('table', { name: 'Rows of the file' }).getByText('Has errors')).toBeVisible();
  expect(await cutBadges(page)).toEqual([]);
  await shots(page, 'badges-import-preview');
});

test('the holdings preview says which value is now and which after the change', async ({ page }) => {
  await signInAs(page, 'procurement');
  await page.goto('/vendors');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const add = page.getByRole('dialog', { name: 'Add vendor' });
  await add.getByLabel('Name').fill('Preview Payments Ltd');
  await add.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Preview Payments Ltd' })).toBeVisible();

  // 1,000 email addresses: impact 2 of 5, saved.
  const section = page.getByRole('region', { name: 'Data held', exact: true });
  await section.getByRole('button', { name: 'Add holding' }).click();
  await section.getByLabel('Data category').selectOption('contact.email');
  await section.getByLabel('Records').fill('1000');
  await section.getByRole('button', { name: 'Save holding' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Holding saved.' })).toContainText('Impact 2 of 5 (Minor)');

  // Half a million payment cards, not saved yet: the preview sets the vendor now beside the vendor after.
  await section.getByRole('button', { name: 'Add holding' }).click();
  await section.getByLabel('Data category').selectOption('financial.payment_card');
  await section.getByLabel('Records').fill('500000');
  const table = section.getByRole('region', { name: 'If you save this' }).getByRole('table', { name: 'The vendor now and after this change' });
  await expect(table.getByRole('columnheader')).toHaveText(['Now', 'After this change']);
  await expect(table.getByRole('row', { name: /^Impact/ }).getByRole('cell')).toHaveText(['2 of 5 (Minor)', /^5 of 5 \(Severe\)$/]);
  await expect(table.getByRole('row', { name: /^Suggested tier/ }).getByRole('cell').first()).not.toHaveText(/no change/);
  await expectNoAxeViolations(page);
  // On a phone the comparison stays inside its panel.
  await page.setViewportSize(PHONE);
  const panel = (await section.getByRole('region', { name: 'If you save this' }).boundingBox())!;
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
  await page.setViewportSize(DESKTOP);
  await page.getByRole('region', { name: 'If you save this' }).scrollIntoViewIfNeeded();
  await shots(page, 'holdings-preview', { fitsPhone: true });

  // A holding that changes nothing says so.
  await section.getByLabel('Data category').selectOption('contact.phone');
  await section.getByLabel('Records').fill('10');
  await expect(table.getByRole('row', { name: /^Impact/ }).getByRole('cell')).toHaveText(['2 of 5 (Minor)', '2 of 5 (Minor) (no change)']);
});

test('the report draws the risk matrix the way the dashboard does', async ({ page }) => {
  await signInAs(page, 'ciso');
  const completed = await api<{ rows: { id: number }[] }>(page, 'assessments.list', { status: ['completed'] });
  expect(completed.rows.length).toBeGreaterThan(0);

  /** Row headers top to bottom and column headers left to right, as a person reads them. */
  const axes = async (name: RegExp) => {
    const table = page.getByRole('table', { name });
    await expect(table).toBeVisible();
    return {
      rows: await table.locator('tbody th[scope="row"]').allTextContents(),
      columns: await table.locator('thead th[scope="col"]:not([rowspan])').allTextContents(),
      corner: await table.locator('thead th[rowspan]').textContent(),
    };
  };
  await page.goto('/dashboard');
  const dashboard = await axes(/^Residual risk: assessed vendors by likelihood and impact/);
  await page.goto(`/assessments/${completed.rows[0]!.id}/report`);
  const report = await axes(/^Risk position/);

  const levels = [1, 2, 3, 4, 5] as const satisfies readonly Level[];
  expect(dashboard).toEqual({
    rows: [...levels].reverse().map((l) => `${l} ${LIKELIHOOD_LABELS[l]}`),
    columns: levels.map((l) => `${l} ${IMPACT_LABELS[l]}`),
    corner: 'Likelihood',
  });
  expect(report).toEqual(dashboard);
  // The vendor's own cell sits at its likelihood's row and impact's column.
  const marked = page.getByRole('table', { name: /^Risk position/ }).locator('td[data-filled]');
  await expect(marked).toHaveCount(1);
  const [likelihood, impact] = await marked.evaluate((td) => [td.getAttribute('data-likelihood'), td.getAttribute('data-impact')]);
  await expect(page.getByRole('table', { name: /^Risk position/ })).toHaveAccessibleName(`Risk position: this vendor at likelihood ${likelihood} × impact ${impact}`);
  await expectNoAxeViolations(page);
  await shots(page, 'report-matrix', { fitsPhone: true });
});


test('the organisation is named in Settings, and vendors read that name; no email is called sent while it waits in the Outbox', async ({ page, browser, baseURL }) => {
  await newAdministrator(page, { email: 'settings.admin@tollgate.example', password: 'quartz meadow lantern 47', name: 'Sol Settings' });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const form = page.getByRole('form', { name: 'Organisation' });
  await expect(form.getByLabel('Organisation name')).toHaveValue('Demo Airline');
  await form.getByLabel('Organisation name').fill('');
  await form.getByRole('button', { name: 'Save organisation' }).click();
  await expect(form.getByText("Enter your organisation's name")).toBeVisible();
  await form.getByLabel('Organisation name').fill('Skyline Air Group');
  await form.getByLabel('Contact for vendors', { exact: true }).fill('Vendor risk team');
  await form.getByLabel('Contact email for vendors').fill('vendor-risk@skyline.example');
  await form.getByRole('button', { name: 'Save organisation' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: vendors now read “Skyline Air Group”.');
  await expectNoAxeViolations(page);
  await shots(page, 'settings-organisation');

  // An invitation, with no mail server configured: the screen says where it really is.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('form', { name: 'Invite a user' }).getByLabel('Email').fill('rowan.new@tollgate.example');
  await page.getByRole('form', { name: 'Invite a user' }).getByLabel('Name').fill('Rowan New');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const issued = page.getByText(/^The invitation was not emailed/);
  await expect(issued).toHaveText(
    'The invitation was not emailed to rowan.new@tollgate.example: it is queued in the Outbox, as no mail server is configured. Pass them the link above yourself, through a channel you trust.',
  );
  await expect(issued.getByRole('link', { name: 'Outbox' })).toHaveAttribute('href', '/admin/outbox');
  await expect(page.getByText(/also emailed/)).toHaveCount(0);

  // Procurement sends a questionnaire link: again, queued in the Outbox, and said so.
  const staff = await browser.newContext({ baseURL, viewport: DESKTOP });
  const procurement = await staff.newPage();
  await signInAs(procurement, 'procurement');
  const open = await api<{ rows: { id: number }[] }>(procurement, 'assessments.list', { status: ['sent', 'in_progress'] });
  expect(open.rows.length).toBeGreaterThan(0);
  await procurement.goto(`/assessments/${open.rows[0]!.id}`);
  await procurement.getByLabel('Recipient name').fill('Vic Vendor');
  await procurement.getByLabel('Recipient email').fill('vic@vendor.example');
  await procurement.getByRole('button', { name: 'Create link' }).click();
  const link = await procurement.getByRole('textbox', { name: 'Questionnaire link' }).inputValue();
  await expect(procurement.getByText(/^The link was not emailed/)).toContainText(
    'The link was not emailed to vic@vendor.example: it is queued in the Outbox, as no mail server is configured. Send it to them yourself.',
  );
  // Procurement cannot open the Outbox, so it is named, not linked.
  await expect(procurement.getByRole('link', { name: 'Outbox' })).toHaveCount(0);
  await expectNoAxeViolations(procurement);
  await procurement.screenshot({ path: path.join(ARTIFACTS, 'link-queued-in-outbox.png'), fullPage: true });
  await staff.close();

  // The vendor reads the name set in Settings, and whom to ask.
  const vendorContext = await browser.newContext({ baseURL, viewport: DESKTOP });
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole('heading', { level: 1 })).toHaveText(/^Skyline Air Group asks .+ to answer a security questionnaire$/);
  await expect(vendor.getByRole('contentinfo')).toContainText("Skyline Air Group's contact for vendors, Vendor risk team, at vendor-risk@skyline.example");
  await expect(vendor.getByRole('contentinfo').getByRole('link', { name: 'vendor-risk@skyline.example' })).toHaveAttribute('href', 'mailto:vendor-risk@skyline.example');
  await expectNoAxeViolations(vendor);
  await vendor.screenshot({ path: path.join(ARTIFACTS, 'portal-organisation.png'), fullPage: true });
  await vendorContext.close();

  // Put the demo's name back for the specs that run after this one.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await form.getByLabel('Organisation name').fill('Demo Airline');
  await form.getByRole('button', { name: 'Save organisation' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: vendors now read “Demo Airline”.');
});

/** Calls a procedure with the page's cookies (staff or vendor) and returns its answer. */
async function mutate<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('reopening a questionnaire says the note is queued in the Outbox, not that the vendor was emailed', async ({ page, browser, baseURL }) => {
  await signInAs(page, 'procurement');
  const { vendorId } = await mutate<{ vendorId: number }>(page, 'vendors.create', { name: 'Reopen Notice Ltd' });
  const { assessmentId } = await mutate<{ assessmentId: number }>(page, 'assessments.start', { vendorId });
  await page.goto(`/assessments/${assessmentId}`);
  await page.getByLabel('Recipient name').fill('Ria Vendor');
  await page.getByLabel('Recipient email').fill('ria@reopen.example');
  await page.getByRole('checkbox', { name: 'Email the link to the recipient' }).uncheck();
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByText('It was not emailed: send it to ria@reopen.example yourself.')).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Questionnaire link' }).inputValue();

  // The vendor submits at once, leaving every question for later.
  const vendorContext = await browser.newContext({ baseURL });
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await mutate(vendor, 'portal.submit', { confirmUnanswered: true });
  await vendorContext.close();

  await page.reload();
  await page.getByLabel('Note to the vendor').fill('Please answer the identity questions too.');
  await page.getByRole('button', { name: 'Reopen for the vendor' }).click();
  const done = page.getByRole('region', { name: 'Reopened for the vendor' });
  await expect(done.getByRole('status')).toContainText(
    'The vendor can change answers again and sees your note when they open the questionnaire. Your note was not emailed to ria@reopen.example: it is queued in the Outbox, as no mail server is configured. Let them know yourself.',
  );
  await expectNoAxeViolations(page);
});
