/**
 * Password rules after NIST SP 800-63B: at least 12 characters, no
 * composition rules, and not a commonly used password (a list of about
 * 49,000 shipped with the product, never an outside service) nor built
 * from the product's name or the person's email.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// Built on the first password check, not at start: the list is asked only when someone sets a password.
let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Returns why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string | null } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'This password is too common: choose one that others are unlikely to use.';
  const words = ['tollgate', context.email?.split('@')[0]?.toLowerCase()].filter((w): w is string => Boolean(w && w.length >= 4));
  if (words.some((w) => lower.includes(w))) return 'Do not build the password from your email address or the product name.';
  if (new Set(lower).size <= 2) return 'This password repeats too few characters.';
  return null;
}
