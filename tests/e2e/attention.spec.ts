/**
 * "Needs my attention" and the re-assessment lists, in Chromium on the demo
 * portfolio. Expected numbers come from the API with the same session, so
 * the test checks that the screens show what the server says, whatever
 * other tests changed in the shared demo data.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test, newAdministrator } from './fixtures.ts';

async function api<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/trpc/${path}${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

interface Attention {
  total: number;
  counts: Record<string, number>;
  items: { kind: string; vendorName: string }[];
}
interface Reassessments {
  counts: { overdue: number; due_soon: number; never_assessed: number };
  vendors: { vendorName: string }[];
}

test.describe.configure({ timeout: 60_000 });

async function screenshots(page: Page, name: string) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // Let the navigation finish sliding away when the width crosses the phone breakpoint.
    await page.waitForTimeout(600);
    // From the top, so the fixed header is drawn where it belongs in a full-page shot.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/${name}-${w}x${h}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('an assessor sees what needs their attention, with its count in the navigation', async ({ page }) => {
  await signInAs(page, 'procurement');
  const mine = await api<Attention>(page, 'reminders.attention');
  expect(mine.total).toBeGreaterThan(0);
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const link = nav.getByRole('link', { name: new RegExp(`Needs my attention ${mine.total} items?`) });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Needs my attention' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${mine.total} item` })).toBeVisible();
  for (const [kind, n] of Object.entries(mine.counts)) {
    if (n === 0) continue;
    const section = page.getByRole('region', { name: new RegExp(kindHeading(kind)) });
    // Ten most urgent first; the rest on request.
    await expect(section.getByRole('listitem')).toHaveCount(Math.min(n, 10));
    if (n > 10) {
      await section.getByRole('button', { name: `Show all ${n}` }).click();
      await expect(section.getByRole('listitem')).toHaveCount(n);
      await section.getByRole('button', { name: 'Show the first 10 only' }).click();
    }
  }
  // Every item leads somewhere to act on it.
  const first = page.getByRole('main').getByRole('listitem').first().getByRole('link');
  await expect(first).toHaveAttribute('href', /^\/(assessments|vendors|tasks)\/\d+$/);
  await expectNoAxeViolations(page);
  await screenshots(page, 'attention');
});

test('an auditor, who acts on nothing, has no attention list in the navigation', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/dashboard');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Re-assessments' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Needs my attention/ })).toHaveCount(0);
});

test('the dashboard’s re-assessment figures open the overdue and due-soon lists', async ({ page }) => {
  await signInAs(page, 'ciso');
  const overdue = await api<Reassessments>(page, 'reminders.reassessments', { standing: 'overdue' });
  const dueSoon = await api<Reassessments>(page, 'reminders.reassessments', { standing: 'due_soon' });
  await page.goto('/dashboard');
  const card = page.locator('.dashboard-card').filter({ has: page.getByRole('heading', { name: 'Re-assessments' }) });
  await expect(card.getByRole('listitem').filter({ hasText: 'Overdue' })).toContainText(String(overdue.counts.overdue));
  await expect(card.getByRole('listitem').filter({ hasText: 'Due within 30 days' })).toContainText(String(dueSoon.counts.due_soon));

  await card.getByRole('link', { name: 'Overdue', exact: true }).click();
  await expect(page).toHaveURL(/\/reassessments\?standing=overdue$/);
  await expect(page.getByRole('tab', { name: `Overdue (${overdue.counts.overdue})`, selected: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'Vendors: overdue' });
  if (overdue.vendors.length) await expect(table.getByRole('row')).toHaveCount(overdue.vendors.length + 1);
  else await expect(page.getByText('No vendor is overdue for re-assessment.')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'reassessments-overdue');

  // The tabs work from the keyboard, and the URL follows, so the list can be shared.
  await page.getByRole('tab', { name: /^Overdue/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/standing=due_soon/);
  await expect(page.getByRole('tab', { name: `Due within 30 days (${dueSoon.counts.due_soon})`, selected: true })).toBeVisible();
  if (dueSoon.vendors.length) {
    await expect(page.getByRole('table', { name: 'Vendors: due within 30 days' }).getByRole('row')).toHaveCount(dueSoon.vendors.length + 1);
    await expect(page.getByRole('link', { name: dueSoon.vendors[0]!.vendorName })).toBeVisible();
  } else {
    await expect(page.getByText('No vendor is due for re-assessment in the next 30 days.')).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await screenshots(page, 'reassessments-due-soon');
});

test('an administrator sets the re-assessment cadence and turns a reminder kind off, with clear errors', async ({ page }) => {
  test.setTimeout(90_000);
  await newAdministrator(page, { email: 'reminders.admin@tollgate.example', password: 'violet harbour compass 58', name: 'Remi Settings' });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const cadence = page.getByRole('form', { name: 'Re-assessment cadence' });
  await expect(cadence.getByLabel('Tier 1 (critical)')).toHaveValue('12');

  // A critical tier may not wait longer than a high one: refused, on the field at fault, and nothing saved.
  await cadence.getByLabel('Tier 1 (critical)').fill('18');
  await cadence.getByRole('button', { name: 'Save cadence' }).click();
  await expect(cadence.getByText('Tier 1 cannot wait longer (18 months) than tier 2 (12 months)')).toBeVisible();
  await expect(cadence.getByLabel('Tier 1 (critical)')).toHaveAccessibleDescription(/cannot wait longer/);

  await cadence.getByLabel('Tier 1 (critical)').fill('6');
  await cadence.getByRole('button', { name: 'Save cadence' }).click();
  await expect(cadence.getByRole('status')).toContainText('Saved: tier 1 every 6 months, tier 2 every 12 months');

  const reminders = page.getByRole('region', { name: 'Reminder emails' });
  const taskDue = reminders.getByRole('switch', { name: 'Remediation task due soon' });
  await expect(taskDue).toBeChecked();
  await taskDue.press('Space');
  await expect(reminders.getByRole('status')).toHaveText('Saved: “Remediation task due soon” reminders are off.');
  await expect(taskDue).not.toBeChecked();
  await expectNoAxeViolations(page);
  await screenshots(page, 'settings-reminders');

  // Put the shared demo data back as the other specs expect it.
  await cadence.getByLabel('Tier 1 (critical)').fill('12');
  await cadence.getByRole('button', { name: 'Save cadence' }).click();
  await expect(cadence.getByRole('status')).toContainText('tier 1 every 12 months');
  await taskDue.press('Space');
  await expect(taskDue).toBeChecked();
});


function kindHeading(kind: string): string {
  const headings: Record<string, string> = {
    task_to_verify: 'Tasks to verify',
    answers_to_review: 'Answers to review',
    risk_expiring: 'Risk acceptances expiring',
    questionnaire_overdue: 'Questionnaires overdue',
    reassessment_overdue: 'Re-assessments overdue',
    task_overdue: 'My tasks overdue',
  };
  return headings[kind]!;
}
