/**
 * Wrong passwords slow guessing down but never lock the owner out (issue 10
 * item 15): only wrong passwords count, the wait grows with each one and
 * has a ceiling, a right password clears it, and a browser that signed in
 * to the account before keeps its own count, so a stranger's guesses do not
 * hold up the owner there. Each test has a server of its own (the per-IP
 * limit of 20 sign-ins a minute is real time) and a clock it moves.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_FAILURE_MEMORY_SECONDS, SIGN_IN_MAX_DELAY_SECONDS, signInDelaySeconds } from '../../server/accounts/policy.ts';
import { createUserWithPassword, TEST_PASSWORD } from '../helpers/auth.ts';
import { startTestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

async function serverWithClock() {
  let clock = Date.now();
  const server = await startTestServer(createTestDatabase().db, { now: () => new Date(clock) });
  return { server, advance: (seconds: number) => (clock += seconds * 1000) };
}

const WRONG = 'not the right password at all';
const retryAfter = (answer: { headers: Headers }) => Number(answer.headers.get('retry-after'));

describe('wrong passwords', () => {
  it('count only when wrong: many sign-ins in a row with the right password are all let in', async () => {
    const { server } = await serverWithClock();
    const user = await createUserWithPassword(server.auth, 'admin', 'busy@tollgate.example');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await new StaffClient(server.base).signIn(user.email)).status);
    expect(statuses).toEqual(Array(12).fill(200));
    await server.close();
  });

  it('delay the next attempt progressively rather than locking the account, and the right password works once the wait is over', async () => {
    const { server, advance } = await serverWithClock();
    const user = await createUserWithPassword(server.auth, 'admin', 'target@tollgate.example');
    const stranger = new StaffClient(server.base);

    // The first five wrong passwords cost nothing.
    for (let i = 0; i < 5; i++) expect((await stranger.signIn(user.email, WRONG)).status).toBe(401);
    // Then the next attempt waits 1 second, then 2...
    const early = await stranger.signIn(user.email, WRONG);
    expect(early.status).toBe(429);
    expect(retryAfter(early)).toBe(1);
    expect(early.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many wrong passwords for this account. For your security, wait 1 second before trying again.' });
    advance(1);
    expect((await stranger.signIn(user.email, WRONG)).status).toBe(401);
    expect(retryAfter(await stranger.signIn(user.email, WRONG))).toBe(2);
    // ...4, 8 and 16: ten wrong passwords in all.
    for (const wait of [2, 4, 8, 16]) {
      advance(wait);
      expect((await stranger.signIn(user.email, WRONG)).status).toBe(401);
    }

    // After ten the wait is 32 seconds, not a lock-out: the right password is answered as soon as it is over.
    const owner = new StaffClient(server.base);
    const waiting = await owner.signIn(user.email);
    expect(waiting.status).toBe(429);
    expect(retryAfter(waiting)).toBe(32);
    advance(32);
    expect((await owner.signIn(user.email)).status).toBe(200);
    // The right password clears the count: the next wrong one costs nothing again.
    expect((await stranger.signIn(user.email, WRONG)).status).toBe(401);
    await server.close();
  });

  it('never hold up the owner on a browser they signed in with before, however many a stranger tries', async () => {
    const { server, advance } = await serverWithClock();
    const user = await createUserWithPassword(server.auth, 'admin', 'owner@tollgate.example');
    const ownersBrowser = new StaffClient(server.base);
    const first = await ownersBrowser.signIn(user.email);
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie().join('\n')).toMatch(/tollgate\.known_browser=[^;]+; Path=\/api\/auth\/sign-in; Max-Age=\d+; HttpOnly; SameSite=Strict/);

    const stranger = new StaffClient(server.base);
    let wrong = 0;
    while (wrong < 10) {
      const answer = await stranger.signIn(user.email, WRONG);
      if (answer.status === 429) advance(retryAfter(answer));
      else wrong += 1;
    }
    expect((await stranger.signIn(user.email, WRONG)).status).toBe(429);
    // The owner's browser has a count of its own: no wait at all.
    expect((await ownersBrowser.signIn(user.email, TEST_PASSWORD)).status).toBe(200);
    // A known browser's cookie says nothing for another account: it gets that account's count.
    const other = await createUserWithPassword(server.auth, 'procurement', 'other@tollgate.example');
    expect((await ownersBrowser.signIn(other.email, WRONG)).status).toBe(401);
    await server.close();
  });

  it('are counted before they are checked, so a burst of parallel guesses gets no more than the free attempts', async () => {
    const { server } = await serverWithClock();
    const user = await createUserWithPassword(server.auth, 'ciso', 'burst@tollgate.example');
    const answers = await Promise.all(Array.from({ length: 12 }, () => new StaffClient(server.base).signIn(user.email, WRONG)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    await server.close();
  });
});

describe('the limits on sign-in', () => {
  it('cannot be dodged by spelling the sign-in path another way', async () => {
    const { server } = await serverWithClock();
    const user = await createUserWithPassword(server.auth, 'admin', 'spelling@tollgate.example');
    // fetch() would tidy these paths before sending them: a raw request sends them as an attacker would.
    const rawPost = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ email: user.email, password: WRONG, code: '000000' });
        const url = new URL(server.base);
        const request = http.request(
          { host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', origin: url.origin, 'content-length': Buffer.byteLength(body) } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    for (const path of ['/api/auth/./sign-in/email', '/api/auth/%2e/sign-in/email', '/api/auth/x/../sign-in/email', '/api/auth/two-factor/./verify-totp']) {
      expect([path, await rawPost(path)]).toEqual([path, 404]);
    }
    await server.close();
  });
});

describe('the bound on password guessing', () => {
  /** The most attempts one lane allows in `seconds`, trying each time the wait is over. */
  function mostAttempts(seconds: number): number {
    let t = 0;
    let attempts = 0;
    while (t <= seconds) {
      attempts += 1;
      t += signInDelaySeconds(attempts);
    }
    return attempts;
  }

  it('is at most about 15 guesses in 15 minutes and 300 in a day per account, as docs/security.md says', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 13, 14, 40].map(signInDelaySeconds)).toEqual([0, 0, 0, 0, 0, 1, 2, 32, 256, 300, 300]);
    expect(SIGN_IN_MAX_DELAY_SECONDS).toBe(300);
    expect(mostAttempts(15 * 60)).toBe(15);
    expect(mostAttempts(SIGN_IN_FAILURE_MEMORY_SECONDS)).toBe(300);
  });
});
