/** Asks for the current password before a change to how the person signs in. */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { StepHeading } from '../../../components/StepHeading.tsx';
import type { AuthError } from '../../../lib/authClient.ts';
import { useFormRequest } from '../../../lib/useFormRequest.ts';
import { AuthErrorAlert } from './AuthErrorAlert.tsx';

interface PasswordConfirmFormProps {
  heading: string;
  text: string;
  submitLabel: string;
  danger?: boolean;
  /** Resolves to the error to show, or null when done. */
  onConfirm: (password: string) => Promise<AuthError | null>;
  onCancel: () => void;
}

export function PasswordConfirmForm({ heading, text, submitLabel, danger = false, onConfirm, onCancel }: PasswordConfirmFormProps) {
  const [password, setPassword] = useState('');
  // On success the parent moves on and this form is gone.
  const { busy, problem: error, run } = useFormRequest<AuthError>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => onConfirm(password));
  };

  return (
    <Stack gap="sm">
      <StepHeading order={4} size="h5">{heading}</StepHeading>
      <Text size="sm">{text}</Text>
      {error ? <AuthErrorAlert error={error} /> : null}
      <form onSubmit={submit} aria-label={heading}>
        <Stack gap="sm">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            maw={360}
          />
          <Group gap="sm">
            <Button type="submit" loading={busy} color={danger ? 'red.8' : undefined}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
