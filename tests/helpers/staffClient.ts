/**
 * One person's browser, reduced to what integration tests need: a cookie
 * jar, same-origin requests to /api/auth and /trpc, and sign-in with a
 * password, an authenticator code or a passkey, all over real HTTP.
 */
import * as OTPAuth from 'otpauth';
import { TEST_PASSWORD } from './auth.ts';
import type { SoftwareAuthenticator } from './webauthn.ts';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class StaffClient {
  private readonly cookies = new Map<string, string>();
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** A second browser that starts with this one's cookies (e.g. two tabs racing each other). */
  fork(): StaffClient {
    const copy = new StaffClient(this.base);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { origin: new URL(this.base).origin };
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.remember(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  signIn(email: string, password = TEST_PASSWORD) {
    return this.post<{ twoFactorRedirect?: boolean; code?: string; message?: string }>('/api/auth/sign-in/email', { email, password });
  }

  async trpcQuery<T = unknown>(path: string, input: unknown = {}) {
    const answer = await this.get<{ result?: { data: { json: T } }; error?: { json: { message: string; data: { code: string } } } }>(
      `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    );
    return { status: answer.status, data: answer.body.result?.data.json, error: answer.body.error?.json };
  }

  async trpcMutation<T = unknown>(path: string, input: unknown = {}) {
    const answer = await this.post<{ result?: { data: { json: T } }; error?: { json: { message: string; data: { code: string } } } }>(`/trpc/${path}`, {
      json: input,
    });
    return { status: answer.status, data: answer.body.result?.data.json, error: answer.body.error?.json };
  }

  /** Starts an authenticator app set-up; the returned TOTP is the app the person scans the code into. */
  async enableTotp(password = TEST_PASSWORD) {
    const answer = await this.post<{ totpURI?: string; backupCodes?: string[]; code?: string }>('/api/auth/two-factor/enable', { password });
    const totp = answer.body.totpURI ? (OTPAuth.URI.parse(answer.body.totpURI) as OTPAuth.TOTP) : null;
    return { ...answer, totp, backupCodes: answer.body.backupCodes ?? [] };
  }

  verifyTotp(code: string) {
    return this.post<{ code?: string; message?: string }>('/api/auth/two-factor/verify-totp', { code });
  }

  /** Adds a passkey held by `authenticator`: the options, then the answer, as the browser's WebAuthn API would. */
  async registerPasskey(authenticator: SoftwareAuthenticator, name = 'Test key') {
    const options = await this.get<{ challenge: string; user: { id: string }; code?: string }>('/api/auth/passkey/generate-register-options');
    if (options.status !== 200) return { options, verification: null };
    const verification = await this.post<{ id?: string; code?: string }>('/api/auth/passkey/verify-registration', {
      response: authenticator.register(options.body),
      name,
    });
    return { options, verification };
  }

  async signInWithPasskey(authenticator: SoftwareAuthenticator) {
    const options = await this.get<{ challenge: string }>('/api/auth/passkey/generate-authenticate-options');
    return this.post('/api/auth/passkey/verify-authentication', { response: authenticator.authenticate(options.body) });
  }
}
