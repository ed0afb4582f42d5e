/** The authenticator app (TOTP): set it up, remove it, or replace the recovery codes. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Section } from '../../../components/Section.tsx';
import { authClient, callAuth } from '../../../lib/authClient.ts';
import { PasswordConfirmForm } from './PasswordConfirmForm.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

type Action = 'enable' | 'disable' | 'codes';

type Stage =
  | { kind: 'idle'; done?: string }
  | { kind: 'confirm'; action: Action }
  | { kind: 'enrol'; totpURI: string; backupCodes: string[] }
  | { kind: 'codes'; backupCodes: string[] };

const CONFIRM_COPY: Record<Action, { heading: string; text: string; submitLabel: string }> = {
  enable: {
    heading: 'Confirm it is you',
    text: 'Enter your current password to start setting up an authenticator app.',
    submitLabel: 'Continue',
  },
  disable: {
    heading: 'Remove the authenticator app?',
    text: 'You will no longer be asked for its codes, and your recovery codes stop working. Enter your current password to confirm.',
    submitLabel: 'Remove authenticator app',
  },
  codes: {
    heading: 'Create new recovery codes?',
    text: 'Your current recovery codes stop working at once. Enter your current password to confirm.',
    submitLabel: 'Create new recovery codes',
  },
};

interface AuthenticatorSectionProps {
  enabled: boolean;
  /** This sign-in may not change sign-in methods (password only, on an account with a factor): no actions offered. */
  locked: boolean;
  onChanged: () => Promise<void>;
}

export function AuthenticatorSection({ enabled, locked, onChanged }: AuthenticatorSectionProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const confirm = async (action: Action, password: string) => {
    if (action === 'enable') {
      const result = await callAuth(() => authClient.twoFactor.enable({ password, method: 'totp' }));
      if (result.error) return result.error;
      if (result.data.method !== 'totp') return { status: 500, statusText: 'UNEXPECTED', message: 'The server did not start an authenticator app set-up.' };
      setStage({ kind: 'enrol', totpURI: result.data.totpURI, backupCodes: result.data.backupCodes });
    } else if (action === 'disable') {
      const result = await callAuth(() => authClient.twoFactor.disable({ password }));
      if (result.error) return result.error;
      await onChanged();
      setStage({ kind: 'idle', done: 'The authenticator app was removed.' });
    } else {
      const result = await callAuth(() => authClient.twoFactor.generateBackupCodes({ password }));
      if (result.error) return result.error;
      setStage({ kind: 'codes', backupCodes: result.data.backupCodes });
    }
    return null;
  };

  const body = () => {
    switch (stage.kind) {
      case 'confirm':
        return (
          <PasswordConfirmForm
            {...CONFIRM_COPY[stage.action]}
            danger={stage.action === 'disable'}
            onConfirm={(password) => confirm(stage.action, password)}
            onCancel={() => setStage({ kind: 'idle' })}
          />
        );
      case 'enrol':
        return (
          <TotpEnrolment
            totpURI={stage.totpURI}
            onVerified={async () => {
              await onChanged();
              setStage({ kind: 'codes', backupCodes: stage.backupCodes });
            }}
            onCancel={() => setStage({ kind: 'idle' })}
          />
        );
      case 'codes':
        return <RecoveryCodes codes={stage.backupCodes} onDone={() => setStage({ kind: 'idle', done: 'Your authenticator app is set up.' })} />;
      case 'idle':
        return (
          <Stack gap="sm" align="flex-start">
            <Text role="status" size="sm" fw={stage.done ? 600 : undefined}>
              {stage.done ?? (enabled ? 'Your authenticator app is set up: sign-in asks for its code.' : 'No authenticator app is set up.')}
            </Text>
            {locked ? null : enabled ? (
              <Group gap="sm">
                <Button variant="default" onClick={() => setStage({ kind: 'confirm', action: 'codes' })}>
                  Create new recovery codes
                </Button>
                <Button variant="outline" color="red.8" onClick={() => setStage({ kind: 'confirm', action: 'disable' })}>
                  Remove authenticator app
                </Button>
              </Group>
            ) : (
              <Button onClick={() => setStage({ kind: 'confirm', action: 'enable' })}>Set up authenticator app</Button>
            )}
          </Stack>
        );
    }
  };

  return (
    <Section title="Authenticator app" description="An app on your phone or computer that shows a new 6-digit code every 30 seconds.">
      {body()}
    </Section>
  );
}
