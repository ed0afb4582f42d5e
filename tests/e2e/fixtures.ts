/** The Playwright test object with the running server's URL as baseURL, and an axe check. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import * as OTPAuth from 'otpauth';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests through `npm run test:e2e`.');
    await use(url);
  },
});

export { expect };

export interface DemoUser {
  role: 'admin' | 'procurement' | 'ciso' | 'auditor';
  email: string;
  password: string;
}

/** A demo user of the given role, as printed by the server at its first start. */
export function demoUser(role: DemoUser['role']): DemoUser {
  const users = JSON.parse(process.env.E2E_USERS ?? '[]') as DemoUser[];
  const user = users.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, user: Pick<DemoUser, 'email' | 'password'>): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Fails with the list of WCAG 2.2 A/AA violations axe finds on the page as it stands. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n  ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

const sessionCookies = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

/**
 * Signs in as a demo user without the sign-in page, reusing one session per
 * role across tests: every real sign-in counts against the per-account
 * limit (10 per 15 minutes), which a long suite would otherwise reach.
 * Use `signIn` where the sign-in page itself is under test.
 */
export async function signInAs(page: Page, role: DemoUser['role']): Promise<void> {
  const context = page.context();
  const cached = sessionCookies.get(role);
  if (cached) {
    await context.addCookies(cached);
    const me = await page.request.get('/trpc/account.me');
    if ((await me.text()).includes(`"role":"${role}"`)) return;
    await context.clearCookies();
  }
  const user = demoUser(role);
  const response = await page.request.post('/api/auth/sign-in/email', {
    data: { email: user.email, password: user.password },
    headers: { origin: new URL(process.env.E2E_BASE_URL!).origin },
  });
  expect(response.status(), await response.text()).toBe(200);
  sessionCookies.set(role, await context.cookies());
}

/**
 * A fresh administrator, as an operator makes one: created on the command
 * line, password set through the one-time link it prints, signed in, and an
 * authenticator app enrolled (administrators must use a second factor).
 */
export async function newAdministrator(page: Page, who: { email: string; password: string; name: string }): Promise<void> {
  const { stdout } = await promisify(execFile)(process.execPath, ['server/cli/index.ts', 'user', 'create', '--email', who.email, '--role', 'admin', '--name', who.name], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, LOG_LEVEL: 'silent' },
  });
  const token = /[?&]token=([\w-]+)/.exec(stdout)?.[1];
  expect(token, stdout).toBeTruthy();
  await page.goto(`/set-password?token=${token}`);
  await page.getByLabel('New password', { exact: true }).fill(who.password);
  await page.getByLabel('Confirm new password').fill(who.password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is set');
  await signIn(page, who);
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await page.getByLabel('Current password').fill(who.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  await page.getByLabel('Authentication code').fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate());
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('button', { name: 'I have stored them' }).click();
}
