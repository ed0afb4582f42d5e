/**
 * A code typed at a second-factor prompt and its check with the server: at
 * sign-in (an authenticator code or a recovery code) and when connecting
 * an authenticator app. The form stays busy while the check runs and
 * keeps the server's refusal to show; once the code is accepted it gives
 * way to the next step.
 */
import { TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { authClient, callAuth, type AuthError } from '../lib/authClient.ts';
import { useFormRequest } from '../lib/useFormRequest.ts';

/** The 6-digit code from an authenticator app: the number pad on phones, one-time-code autofill, and room for the space apps show ("123 456"). */
export function TotpCodeInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      label="Authentication code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      withAsterisk={false}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={200}
    />
  );
}

export const verifyTotp = (code: string) => authClient.twoFactor.verifyTotp({ code });
export const verifyRecoveryCode = (code: string) => authClient.twoFactor.verifyBackupCode({ code });

/** The code as typed, and its submit: `verify` asks the server, `onVerified` moves on once it accepts. */
export function useCodeEntry(verify: (code: string) => Promise<{ error: AuthError | null }>, onVerified: () => Promise<void>) {
  const [code, setCode] = useState('');
  const { busy, problem: error, run } = useFormRequest<AuthError>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      // Apps show codes as "123 456", and people copy recovery codes with spaces.
      const result = await callAuth(() => verify(code.replace(/\s+/g, '')));
      if (result.error) return result.error;
      await onVerified();
      return null;
    });
  };
  return { code, setCode, error, busy, submit };
}
