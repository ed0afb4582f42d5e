/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { TotpCodeInput, useCodeEntry, verifyRecoveryCode, verifyTotp } from '../../../components/CodeEntry.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { StepHeading } from '../../../components/StepHeading.tsx';
import { authErrorMessage } from '../../../lib/authClient.ts';

export type SecondFactorMethod = 'totp' | 'recovery';

interface SecondFactorStepProps {
  method: SecondFactorMethod;
  onMethod: (method: SecondFactorMethod) => void;
  onVerified: () => Promise<void>;
  onRestart: () => void;
}

const COPY = {
  totp: {
    heading: 'Enter your authentication code',
    text: 'Open the authenticator app you set up for Tollgate and enter the 6-digit code it shows.',
    other: 'Use a recovery code instead',
  },
  recovery: {
    heading: 'Enter a recovery code',
    text: 'Enter one of the recovery codes you saved when you set up your authenticator app. Each code works once.',
    other: 'Use your authenticator app instead',
  },
} as const;

export function SecondFactorStep(props: SecondFactorStepProps) {
  // A fresh form per method: the heading takes focus and no half-typed code carries over.
  return <CodeForm key={props.method} {...props} />;
}

function CodeForm({ method, onMethod, onVerified, onRestart }: SecondFactorStepProps) {
  const copy = COPY[method];
  const { code, setCode, error, busy, submit } = useCodeEntry(method === 'totp' ? verifyTotp : verifyRecoveryCode, onVerified);

  return (
    <Stack gap="sm">
      <StepHeading>{copy.heading}</StepHeading>
      <Text size="sm">{copy.text}</Text>
      {error ? <ErrorAlert>{authErrorMessage(error)}</ErrorAlert> : null}
      <form onSubmit={submit}>
        <Stack gap="sm">
          {method === 'totp' ? (
            <TotpCodeInput value={code} onChange={setCode} />
          ) : (
            <TextInput
              label="Recovery code"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
              withAsterisk={false}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              w={260}
            />
          )}
          <Button type="submit" loading={busy} w="fit-content">
            Verify
          </Button>
        </Stack>
      </form>
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" onClick={() => onMethod(method === 'totp' ? 'recovery' : 'totp')}>
          {copy.other}
        </Button>
        <Button variant="subtle" size="compact-sm" color="gray.8" onClick={onRestart}>
          Start again
        </Button>
      </Group>
    </Stack>
  );
}
