/**
 * Configuration comes from the environment and is validated once at start;
 * a bad value stops the server with a message naming the variable.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), {
      error: `${name} must be true or false`,
    })
    .transform((v) => ['true', '1', 'yes'].includes(v));

const PROXY_EXAMPLE = 'e.g. TRUST_PROXY=loopback for a proxy on this machine, or TRUST_PROXY=10.0.0.5';

/** One trusted proxy: an IP address, a CIDR range, or "loopback" (127.0.0.0/8 and ::1). */
function proxyEntryProblem(entry: string): string | null {
  if (entry === 'loopback') return null;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return `"${entry}" is not an IP address, a range such as 10.0.0.0/24, or loopback`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))) {
    return `"${entry}" has a range size that is not from 0 to ${version === 4 ? 32 : 128}`;
  }
  return null;
}

/**
 * The reverse proxies whose X-Forwarded-For may be believed, by address.
 * The client's IP is then the first address, from the right, that is not
 * one of them: an address a client writes into the header itself is never
 * taken. `true` (trust every hop, i.e. the left-most address, which the
 * client chooses) and hop counts (which cannot tell a proxy from a client
 * connecting directly, and which Fastify 5 ignores) are refused.
 */
const trustedProxies = z
  .string()
  .trim()
  .transform((value, ctx): string[] | false => {
    const lower = value.toLowerCase();
    if (['false', 'no', '0', 'none'].includes(lower)) return false;
    if (['true', 'yes'].includes(lower)) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY=true would take each client's IP from the left of X-Forwarded-For, which the client writes itself: give the proxies' addresses instead (${PROXY_EXAMPLE})` });
      return z.NEVER;
    }
    if (/^\d+$/.test(lower)) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY takes the proxies' addresses, not a number of hops: a hop count cannot tell a proxy from a client that connects directly (${PROXY_EXAMPLE})` });
      return z.NEVER;
    }
    const entries = lower.split(',').map((e) => e.trim()).filter(Boolean);
    const problems = entries.map(proxyEntryProblem).filter((p) => p !== null);
    if (problems.length > 0 || entries.length === 0) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY must list the proxies' IP addresses or ranges, separated by commas: ${problems.join('; ') || 'none given'} (${PROXY_EXAMPLE})` });
      return z.NEVER;
    }
    return [...new Set(entries)];
  });
/** Requests one client may make per minute, all routes together, unless RATE_LIMIT_PER_MINUTE says otherwise. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int({ error: 'PORT must be a whole number' })
    .min(0, { error: 'PORT must be from 0 to 65535' })
    .max(65535, { error: 'PORT must be from 0 to 65535' })
    .default(3000),
  HOST: z
    .string()
    .trim()
    .min(1, { error: 'HOST must not be empty' })
    .refine((v) => /^[\w.:-]+$/.test(v), { error: 'HOST must be a host name or IP address, e.g. 127.0.0.1' })
    .default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, { error: 'DATA_DIR must not be empty' }).default('./data'),
  SEED_DEMO: booleanFlag('SEED_DEMO').default(true),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. https://tollgate.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465' })
    .optional(),
  MAIL_FROM: z.email({ error: 'MAIL_FROM must be an email address' }).default('tollgate@localhost'),
  CLIENT_DIR: z.string().trim().min(1).optional(),
  ORGANISATION_NAME: z.string().trim().min(1).max(120, { error: 'ORGANISATION_NAME must be at most 120 characters' }).optional(),
  TRUST_PROXY: trustedProxies.default(false),
  AUTH_SECRET: z.string().min(32, { error: 'AUTH_SECRET must be at least 32 characters' }).optional(),
  AUDIT_KEY: z.string().min(32, { error: 'AUDIT_KEY must be at least 32 characters' }).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'RATE_LIMIT_PER_MINUTE must be a number' })
    .int({ error: 'RATE_LIMIT_PER_MINUTE must be a whole number' })
    .min(1, { error: 'RATE_LIMIT_PER_MINUTE must be at least 1' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'RATE_LIMIT_PER_MINUTE is too large' })
    .default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  uploadsDir: string;
  seedDemo: boolean;
  /** Where people reach Tollgate: links in emails, passkeys' relying party, cookie security. */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** The built SPA to serve; defaults to dist/client. */
  clientDir: string | null;
  /** Seeds the organisation's name (Settings) on a start that finds none stored; null: asked for at setup. */
  organisationName: string | null;
  /**
   * Behind reverse proxies: their addresses (IPs, CIDR ranges or "loopback"),
   * whose X-Forwarded-For entries are believed; false when there is none.
   */
  trustProxy: string[] | false;
  /** Signs session cookies. Generated into DATA_DIR on first start unless set. */
  authSecret: string | null;
  /** Seals the audit log (HMAC of each entry). Generated into DATA_DIR on first start unless set. */
  auditKey: string | null;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** The global request budget per client and minute; load tests lift it (stricter limits on sign-in and links still apply). */
  rateLimitPerMinute: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables mean "not set", as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? '')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'tollgate.sqlite'),
    uploadsDir: path.join(dataDir, 'uploads'),
    seedDemo: parsed.data.SEED_DEMO,
    // localhost, not 127.0.0.1: passkeys cannot be bound to an IP address.
    publicUrl: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`,
    smtpUrl: parsed.data.SMTP_URL ?? null,
    mailFrom: parsed.data.MAIL_FROM,
    authSecret: parsed.data.AUTH_SECRET ?? null,
    auditKey: parsed.data.AUDIT_KEY ?? null,
    trustProxy: parsed.data.TRUST_PROXY,
    organisationName: parsed.data.ORGANISATION_NAME ?? null,
    clientDir: parsed.data.CLIENT_DIR ? path.resolve(parsed.data.CLIENT_DIR) : null,
    logLevel: parsed.data.LOG_LEVEL,
    rateLimitPerMinute: parsed.data.RATE_LIMIT_PER_MINUTE,
  };
}
