/**
 * Staff sign-in in Chromium against the real server: password, the
 * authenticator app (enrolled at an administrator's first sign-in), passkeys
 * through Chromium's virtual authenticator, roles in the navigation, and
 * the audit trail, and recovery codes. Tests share one server and run in order, so each one
 * sets up what it needs itself; only the administrator test changes the
 * administrator (it enrols TOTP), and no other test signs in as them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as OTPAuth from 'otpauth';
import type { Page } from '@playwright/test';
import { demoUser, expect, expectNoAxeViolations, signIn, test } from './fixtures.ts';

const ARTIFACTS = 'tests/.artifacts';

const usedCodes = new Set<string>();

/** A code the server has not seen yet: each code works once, so wait for the next step if need be. */
async function totpCode(secret: string): Promise<string> {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  let code = totp.generate();
  while (usedCodes.has(code)) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    code = totp.generate();
  }
  usedCodes.add(code);
  return code;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 2 })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

test('a procurement user signs in and out; signed out, the app sends them to sign in', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 2 })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/sign-in.png` });
  await expectNoAxeViolations(page);

  await signIn(page, demoUser('procurement'));
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Procurement');
  await expect(nav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

  await signOut(page);
  await page.goto('/vendors');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fvendors$/);
  await expect(page.getByLabel('Email')).toBeVisible();
});

test('a wrong password is refused with the same message as an unknown email', async ({ page }) => {
  // Not the procurement user, whom other specs sign in as: wrong passwords count against the account.
  const user = demoUser('ciso');
  await signIn(page, { email: user.email, password: `${user.password}-wrong` });
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');
  await expect(page).toHaveURL(/\/sign-in$/);

  const nobody = 'nobody@tollgate.example';
  await signIn(page, { email: nobody, password: 'correct horse battery' });
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');

  // Five wrong passwords in a row cost nothing; after that each attempt waits twice as long, and the page says
  // how long in the server's own words (the same for an account that does not exist).
  test.setTimeout(60_000);
  const wrong = () => page.request.post('/api/auth/sign-in/email', { data: { email: nobody, password: 'still not it, sorry' } });
  for (let i = 0; i < 4; i++) expect((await wrong()).status()).toBe(401);
  for (const wait of [1, 2, 4, 8]) {
    await page.waitForTimeout(wait * 1000 + 200);
    expect((await wrong()).status()).toBe(401);
  }
  await page.getByLabel('Password', { exact: true }).fill('one more guess here');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/Too many wrong passwords for this account\. For your security, wait \d+ seconds before trying again\./);
  await expectNoAxeViolations(page);
});

test('an auditor reads the audit log but cannot manage users', async ({ page }) => {
  await signIn(page, demoUser('auditor'));
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page', level: 2 })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 2 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row').filter({ hasText: 'auth.sign_in' }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Filters live in the URL.
  await page.getByRole('combobox', { name: 'Target type' }).click();
  await page.getByRole('option', { name: 'user', exact: true }).click();
  await expect(page).toHaveURL(/targetType=user/);
  await expect(table.getByRole('row').filter({ hasText: 'Signed in' }).first()).toBeVisible();
});

test('an administrator sets up an authenticator app at first sign-in, then signs in with its code', async ({ page, browser }) => {
  // Signing in again may have to wait for the next 30-second code.
  test.setTimeout(90_000);
  const admin = demoUser('admin');
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText('Administrators must use multi-factor authentication')).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeFocused();
  await page.getByLabel('Current password').fill(admin.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.screenshot({ path: `${ARTIFACTS}/security-qr.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'I have stored them' }).click();

  await nav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 2 })).toBeVisible();
  const adminRow = page.getByRole('row').filter({ hasText: admin.email });
  await expect(adminRow).toContainText('TOTP');

  // An invitation gives a one-time link; the invited person sets a password through it.
  const newcomer = { email: 'sam.newcomer@tollgate.example', password: 'plum kettle orbit lantern' };
  await page.getByRole('form', { name: 'Invite a user' }).getByLabel('Email').fill(newcomer.email);
  await page.getByRole('form', { name: 'Invite a user' }).getByLabel('Name').fill('Sam Newcomer');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const link = await page.getByLabel('Set-password link').inputValue();
  expect(link).toContain('/set-password?token=');
  await expect(page.getByRole('row').filter({ hasText: newcomer.email })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/users.png`, fullPage: true });
  await expectNoAxeViolations(page);

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Set your password', level: 2 })).toBeVisible();
  await expect(other).toHaveURL(/\/set-password$/);
  await other.getByLabel('New password', { exact: true }).fill(newcomer.password);
  await other.getByLabel('Confirm new password').fill(newcomer.password);
  await other.getByRole('button', { name: 'Set password' }).click();
  await expect(other.getByRole('status')).toContainText('Your password is set');
  await signIn(other, newcomer);
  await expect(other.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await other.close();

  // A new set-password link goes to the person's own address; without a mail server the page says it was not sent.
  await page.getByRole('button', { name: 'Actions for Sam Newcomer' }).click();
  await page.getByRole('menuitem', { name: 'New set-password link' }).click();
  await expect(page.getByRole('heading', { name: 'New set-password link for Sam Newcomer' })).toBeVisible();
  await expect(page.getByText(`The link was not emailed to ${newcomer.email}: it is queued in the Outbox, as no mail server is configured.`, { exact: false })).toBeVisible();
  expect(await page.getByLabel('Set-password link').inputValue()).toContain('/set-password?token=');
  await expectNoAxeViolations(page);

  // Without a mail server the invitation and the new link wait in the outbox.
  await nav(page).getByRole('link', { name: 'Outbox' }).click();
  const invitation = page.getByRole('row').filter({ hasText: newcomer.email }).filter({ hasText: 'invited' });
  await expect(invitation).toContainText('Held');
  await expect(page.getByRole('row').filter({ hasText: newcomer.email }).filter({ hasText: 'A link to set your Tollgate password' })).toContainText('Held');
  await expectNoAxeViolations(page);
  // Once passed on by hand, its text (a set-password link) is removed: only who and what stay.
  await invitation.getByRole('button', { name: 'Mark as passed on' }).click();
  await expect(page.getByRole('dialog', { name: 'Mark as passed on?' })).toContainText(newcomer.email);
  await expectNoAxeViolations(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as passed on' }).press('Enter');
  await expect(invitation).toContainText('Passed on by an admin');
  await expect(invitation).toContainText('Text removed once passed on.');
  await nav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('switch', { name: 'Require multi-factor authentication for everyone' })).not.toBeChecked();
  await expectNoAxeViolations(page);

  // Signing in again now asks for a code from the app.
  await signOut(page);
  await signIn(page, admin);
  await expect(page.getByRole('heading', { name: 'Enter your authentication code' })).toBeFocused();
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Users' })).toBeVisible();
});

test('a passkey added on the security page signs the person in without a password', async ({ page }) => {
  // Four sign-ins and two passkey ceremonies.
  test.setTimeout(90_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await signIn(page, demoUser('ciso'));
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await nav(page).getByRole('link', { name: 'My sign-in methods' }).click();
  await expect(page.getByRole('heading', { name: 'My sign-in methods', level: 2 })).toBeVisible();
  await page.getByLabel('Passkey name').fill('Test laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Passkey added')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your passkeys' })).toContainText('Test laptop');
  await expectNoAxeViolations(page);

  await signOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('CISO');

  // With a passkey on the account, the password alone opens the app (MFA is optional for this role) but
  // not the sign-in methods: the page says so and offers no change the server would refuse.
  await signOut(page);
  await signIn(page, demoUser('ciso'));
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();
  await nav(page).getByRole('link', { name: 'My sign-in methods' }).click();
  await expect(page.getByText('Sign in with your passkey to change how you sign in')).toBeVisible();
  await expect(page.getByText('a password alone cannot add, change or remove sign-in methods', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a passkey' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Set up authenticator app' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove passkey/ })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/security-password-only.png`, fullPage: true });
  await expectNoAxeViolations(page);

  // Signing in again with the passkey brings the person back here, with the changes open.
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsecurity$/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'My sign-in methods', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a passkey' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set up authenticator app' })).toBeVisible();
});

test('a wrong code is refused in words, and a recovery code signs the person in once', async ({ page }) => {
  test.setTimeout(90_000);
  // A person of their own, from the operator's command line, so no other test's account changes.
  const email = 'rae.recovery@tollgate.example';
  const password = 'copper willow signal 42';
  const { stdout } = await promisify(execFile)(process.execPath, ['server/cli/index.ts', 'user', 'create', '--email', email, '--role', 'procurement', '--name', 'Rae Recovery'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, LOG_LEVEL: 'silent' },
  });
  await page.goto(`/set-password?token=${/[?&]token=([\w-]+)/.exec(stdout)![1]}`);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is set');
  await signIn(page, { email, password });
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();

  // Connecting the app: a wrong code is refused in words and the form can be used again.
  await nav(page).getByRole('link', { name: 'My sign-in methods' }).click();
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await page.getByLabel('Current password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  await page.getByLabel('Authentication code').fill('000 000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  const code = await totpCode(secret);
  await page.getByLabel('Authentication code').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  const listed = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(listed).toHaveCount(10);
  const recovery = (await listed.first().textContent())!;
  await page.getByRole('button', { name: 'I have stored them' }).click();

  // Signing in: a wrong recovery code is refused, a right one (spaces around it are fine) opens the app.
  await signOut(page);
  await signIn(page, { email, password });
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await expect(page.getByRole('heading', { name: 'Enter a recovery code' })).toBeFocused();
  await page.getByLabel('Recovery code').fill('not-a-recovery-code');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That recovery code is not valid, or it has been used already.');
  await page.getByLabel('Recovery code').fill(` ${recovery} `);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Portfolio dashboard', level: 2 })).toBeVisible();

  // The same code does not work twice.
  await signOut(page);
  await signIn(page, { email, password });
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That recovery code is not valid, or it has been used already.');
});
