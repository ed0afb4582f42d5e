/**
 * What the hostile-input tests share: a real server on a real SQLite file
 * with a small portfolio in it, every kind of caller (anonymous, each staff
 * role signed in with a second factor, a vendor's link session), fast-check
 * generators of values built to hurt, the row count of every table, and the
 * one rule every refusal must follow: a 4xx that says why in our
 * vocabulary, with nothing internal in it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ERROR_REASONS } from '#shared/errorReasons.ts';
import { STAFF_ROLES, type StaffRole } from '#shared/statuses.ts';
import { assessments, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword } from './auth.ts';
import { createVendor } from './factories.ts';
import { startTestServer, type TestServer } from './server.ts';
import { StaffClient } from './staffClient.ts';

/**
 * One seed for every property, so a failure reproduces: fast-check prints
 * the seed and the shrunk input of a failing run, and FC_SEED=... reruns
 * with another seed to explore further.
 */
export const FC_SEED = Number(process.env.FC_SEED ?? 20_261_202);

export interface Caller {
  name: 'anonymous' | 'link' | StaffRole;
  /** The cookie this caller's browser sends, if any. */
  cookie: string | null;
}

export interface HostileWorld {
  server: TestServer;
  db: Db;
  callers: Caller[];
  /** Ids that exist, so generated numbers sometimes reach real records. */
  vendorId: number;
  assessmentId: number;
}

/**
 * Tables whose row count may change on a refused request, and why:
 *  - audit_events: every refused call (403, or an out-of-scope reach
 *    answered 404) is written to the audit log; that is the point of it.
 *  - sign_in_failures: a wrong password is counted per account, to slow
 *    down guessing (server/accounts/signInThrottle.ts).
 *  - verifications: better-auth keeps its short-lived challenges there
 *    (a passkey or two-factor ceremony begun with nonsense still stores
 *    its challenge, which expires on its own).
 * Everything else must be exactly as before a refused request.
 */
export const TABLES_A_REFUSAL_MAY_CHANGE = new Set(['audit_events', 'sign_in_failures', 'verifications']);

export function rowCounts(db: Db): Record<string, number> {
  const client = db.$client;
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    if (TABLES_A_REFUSAL_MAY_CHANGE.has(table)) continue;
    counts[table] = client.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  }
  return counts;
}

let address = 0;
/**
 * A different client address for every request. The server trusts the
 * loopback proxy in these tests, so per-address rate limits (10 a minute on
 * some routes) count each generated request on its own: the answers are the
 * handlers', not the limiter's. The limits themselves are tested elsewhere.
 */
export function nextClientIp(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

async function signedInWithSecondFactor(server: TestServer, role: StaffRole): Promise<string> {
  const created = await createUserWithPassword(server.auth, role, `hostile-${role}@tollgate.example`);
  const client = new StaffClient(server.base);
  expect((await client.signIn(created.email)).status).toBe(200);
  // Every role sets up an authenticator app: an administrator must, and a
  // generated call that turns on "MFA for everyone" must not lock the others out.
  const { totp } = await client.enableTotp();
  expect((await client.verifyTotp(totp!.generate())).status).toBe(200);
  return client.cookieHeader;
}

export async function startHostileWorld(db: Db): Promise<HostileWorld> {
  const server = await startTestServer(db, { trustProxy: ['127.0.0.1'] });
  const callers: Caller[] = [{ name: 'anonymous', cookie: null }];

  const vendorId = createVendor(db, { name: 'Hostile Input Vendor', holdings: [{ category: 'contact.email', records: 5000 }] });
  const procurement = { id: 'hostile-setup', name: 'Setup', email: 'hostile-setup@tollgate.example', role: 'procurement' as const };
  db.insert(users).values(procurement).run();
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: procurement.id }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user: procurement, now: () => new Date(), services: { publicUrl: server.base } }));
  const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@vendor.example', emailCodeRequired: false, sendEmail: false });
  const opened = await fetch(url, { redirect: 'manual' });
  expect(opened.status).toBe(303);
  callers.push({ name: 'link', cookie: opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });

  // The administrator last: its generated calls change settings the others live under.
  for (const role of [...STAFF_ROLES].sort((a, b) => Number(a === 'admin') - Number(b === 'admin'))) {
    callers.push({ name: role, cookie: await signedInWithSecondFactor(server, role) });
  }
  return { server, db, callers, vendorId, assessmentId };
}

/** Text built to break parsers, paths, SQL and HTML. */
const nastyText = fc.constantFrom(
  '',
  ' ',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/dev/zero',
  "' OR '1'='1' --",
  '1; DROP TABLE vendors; --',
  '<script>alert(1)</script>',
  '\u0000',
  '\uD800',
  '\u202E',
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  '%00%2e%2e%2f',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  'x'.repeat(20_000),
  '😀'.repeat(500),
);

const nastyNumber = fc.oneof(
  fc.integer({ min: -2, max: 4 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 2 ** 63, -(2 ** 31), 1e308, -0, 0.5),
);

const leaf = fc.oneof(nastyText, nastyNumber, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), fc.constant(null));

/** Any JSON value, biased towards the ones that hurt. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'id')), tie('value'), { maxKeys: 4 }) },
  ),
})).value;

interface ZodLike {
  _zod: { def: { type: string; [key: string]: unknown } };
}

/** Words the domain uses, so generated text sometimes names real things (a control, a template, a category, a role). */
const domainWords = fc.constantFrom('IAM-01', 'REC-01', 'DAT-02', 'core', 'lite', 'contact.email', 'identity.dob', 'admin', 'procurement', 'auditor', 'open', 'closed', 'yes', 'no', 'partial');

const plausibleText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: domainWords },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: nastyText },
);

/**
 * Values shaped like what a procedure's zod schema asks for, each part now
 * and then swapped for a hostile value: generated calls pass validation
 * often enough to reach the services and the database behind it, which is
 * where an unexpected 500 would hide.
 */
export function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFor(schema as ZodLike | undefined, depth);
  return fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue });
}

function plausibleFor(schema: ZodLike | undefined, depth: number): fc.Arbitrary<unknown> {
  const def = schema?._zod?.def;
  if (!def || depth > 6) return hostileValue;
  const inner = (key: string) => plausibleFor(def[key] as ZodLike, depth);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryFor(field, depth + 1)])), { requiredKeys: [] });
    }
    case 'array':
      return fc.array(arbitraryFor(def.element, depth + 1), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => arbitraryFor(item, depth + 1)));
    case 'record':
      return fc.dictionary(plausibleText, arbitraryFor(def.valueType, depth + 1), { maxKeys: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => plausibleFor(option as ZodLike, depth)));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.oneof({ weight: 3, arbitrary: inner('innerType') }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'pipe':
      return inner('in');
    case 'lazy':
      return plausibleFor((def.getter as () => ZodLike)(), depth + 1);
    case 'string':
      return plausibleText;
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) }, { weight: 1, arbitrary: nastyNumber });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date();
    default:
      return hostileValue;
  }
}

/** An input for a procedure: mostly shaped by its schema, sometimes any value at all. */
export function hostileInputFor(schema: unknown): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  return fc.oneof({ weight: 4, arbitrary: plausibleFor(schema as ZodLike, 0) }, { weight: 1, arbitrary: hostileValue });
}

/** A superjson `meta` as a hostile client could send it: type annotations on paths that do not hold that type, or that reach prototypes. */
export const hostileMeta = fc.record(
  {
    values: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom('', '__proto__', 'constructor.prototype', 'a.b.c'), fc.string({ maxLength: 8 })),
        fc.oneof(fc.constantFrom('Date', 'bigint', 'undefined', 'set', 'map', 'regexp', 'Error', 'number', 'URL'), fc.array(fc.constantFrom('Date', 'map', 'class', 'custom', 'symbol'), { maxLength: 3 }), hostileValue),
        { maxKeys: 3 },
      ),
      fc.constantFrom(['Date'], ['bigint'], ['map', { x: ['set'] }], 'Date'),
      hostileValue,
    ),
    referentialEqualities: hostileValue,
    v: fc.oneof(fc.constant(1), hostileValue),
  },
  { requiredKeys: [] },
);

const KNOWN_CODES = new Set([
  'BAD_REQUEST',
  'PARSE_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'TOO_MANY_REQUESTS',
  'TOO_MANY_ATTEMPTS',
  'CLIENT_CLOSED_REQUEST',
]);
const REASONS = new Set<string>(ERROR_REASONS);

/** Text that would give away the server's insides: a stack, a path, a SQLite message. */
const INTERNAL_TEXT = /\bat \w[\w.]* \(|node_modules|\.ts:\d+|SqliteError|SQLITE_|RangeError|TypeError|Maximum call stack|\/work\/|\/tmp\//;

/**
 * The body of a refusal says why, in a form a client can act on: our
 * `reason` (tRPC's data.reason, or a route's top-level reason), or
 * better-auth's and the limiter's `code`.
 */
export function reasonOfRefusal(body: unknown): string | null {
  const one = (Array.isArray(body) ? body[0] : body) as Record<string, unknown> | null;
  if (!one || typeof one !== 'object') return null;
  const trpc = (one.error as { json?: { data?: { reason?: unknown; code?: unknown } } } | undefined)?.json?.data;
  if (trpc && typeof trpc.reason === 'string' && REASONS.has(trpc.reason)) return trpc.reason;
  if (typeof one.reason === 'string' && REASONS.has(one.reason)) return one.reason;
  if (typeof one.code === 'string' && (KNOWN_CODES.has(one.code) || /^[A-Z][A-Z_]+$/.test(one.code)) && typeof one.message === 'string') return one.code;
  return null;
}

/** Every answer to a generated request: never a 5xx, and a refusal is a typed 4xx with nothing internal in it. */
export function expectCleanAnswer(what: string, status: number, text: string): void {
  expect(status, `${what} answered ${status}: ${text.slice(0, 500)}`).toBeLessThan(500);
  // Successful answers may echo generated text back (a vendor named "at x ("): only refusals are checked for leaks.
  if (status < 400) return;
  expect(INTERNAL_TEXT.test(text), `${what} refused with internal text: ${text.slice(0, 500)}`).toBe(false);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: fails just below.
  }
  expect(reasonOfRefusal(body), `${what} answered ${status} without saying why in a form a client can act on: ${text.slice(0, 500)}`).not.toBeNull();
}
