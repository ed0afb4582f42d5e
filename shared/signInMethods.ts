/**
 * Who may change how an account signs in (issue 10 item 1). A password
 * alone must never be enough to add, change or remove a second factor on an
 * account that already has one: otherwise whoever learns the password
 * enrols their own authenticator app or passkey and owns the account. Only
 * an account with no factor yet may enrol its first from a password
 * sign-in. Used by the server to refuse, and by the UI to say so up front.
 */
export interface FactorState {
  /** This sign-in used a passkey, an authenticator code or a recovery code (or proved a new factor). */
  satisfied: boolean;
  totp: boolean;
  passkeys: number;
}

export function hasAnyFactor(state: Pick<FactorState, 'totp' | 'passkeys'>): boolean {
  return state.totp || state.passkeys > 0;
}

export function mayChangeSignInMethods(state: FactorState): boolean {
  return state.satisfied || !hasAnyFactor(state);
}
