/** A new password and its confirmation, with the rule stated up front and a mismatch caught before sending. */
import { PasswordInput, Stack } from '@mantine/core';

/** The server enforces the same minimum (server/accounts/passwordPolicy.ts) and also refuses common passwords. */
export const MIN_PASSWORD_LENGTH = 12;

export interface NewPassword {
  password: string;
  confirm: string;
}

/** Why the pair cannot be sent yet, per field; empty when it can. */
export function newPasswordProblems({ password, confirm }: NewPassword): { password?: string; confirm?: string } {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (password !== confirm) return { confirm: 'The two passwords are not the same.' };
  return {};
}

interface NewPasswordFieldsProps {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  /** Problems to show: only once the person has tried to submit. */
  problems: { password?: string; confirm?: string };
  label?: string;
}

export function NewPasswordFields({ value, onChange, problems, label = 'New password' }: NewPasswordFieldsProps) {
  return (
    <Stack gap="sm">
      <PasswordInput
        label={label}
        description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`}
        autoComplete="new-password"
        required
        withAsterisk={false}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={problems.password}
      />
      <PasswordInput
        label={`Confirm ${label.toLowerCase()}`}
        autoComplete="new-password"
        required
        withAsterisk={false}
        value={value.confirm}
        onChange={(event) => onChange({ ...value, confirm: event.currentTarget.value })}
        error={problems.confirm}
      />
    </Stack>
  );
}
