/**
 * Keys kept outside the database: the one that signs session cookies and the
 * one that seals the audit log. Each comes from its environment variable, or
 * is generated once into DATA_DIR.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function loadOrCreateSecret(dataDir: string, fileName: string, configured: string | null): string {
  if (configured) return configured;
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // Readable by the server's user only; flag "wx" never overwrites an existing secret.
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export function loadOrCreateAuthSecret(dataDir: string, configured: string | null): string {
  return loadOrCreateSecret(dataDir, 'auth-secret', configured);
}

export const AUDIT_KEY_FILE = 'audit-key';

/** The HMAC key of the audit chain: whoever holds it could rewrite the log undetected, so it never goes into the database. */
export function loadOrCreateAuditKey(dataDir: string, configured: string | null): string {
  return loadOrCreateSecret(dataDir, AUDIT_KEY_FILE, configured);
}
