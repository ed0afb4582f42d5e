/**
 * Secrets handed to vendors: 256-bit values from the CSPRNG (ASVS 11.5.1
 * asks for at least 128), stored only as SHA-256 hashes.
 */
import { hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Every vendor request hashes its session cookie: Node's one-shot hash, without a Hash object each time. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** A six-digit code for emails, from the CSPRNG. */
export function newEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
