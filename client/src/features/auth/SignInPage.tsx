/**
 * Staff sign-in: email and password, then the authenticator code (or a
 * recovery code) for accounts that have one; or a passkey instead of both.
 * Afterwards the person goes back where they were headed.
 */
import { Alert, Divider, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath, startFreshSession } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { PasskeySignIn } from './components/PasskeySignIn.tsx';
import { PasswordStep } from './components/PasswordStep.tsx';
import { SecondFactorStep, type SecondFactorMethod } from './components/SecondFactorStep.tsx';

type Step = 'password' | SecondFactorMethod;

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('password');
  // After "Start again", focus goes back to the first field rather than to nowhere.
  const [restarted, setRestarted] = useState(false);

  const finish = async () => {
    await startFreshSession(queryClient);
    await navigate(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <title>Sign in · Tollgate</title>
      <Title order={2}>Sign in</Title>
      {notice && step === 'password' ? (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      <SetupNote />
      {step === 'password' ? (
        <>
          <PasswordStep focusFirst={restarted} onSignedIn={finish} onSecondFactor={() => setStep('totp')} />
          <Divider label="or" labelPosition="center" />
          <PasskeySignIn onSignedIn={finish} />
        </>
      ) : (
        <SecondFactorStep
          method={step}
          onMethod={setStep}
          onVerified={finish}
          onRestart={() => {
            setRestarted(true);
            setStep('password');
          }}
        />
      )}
    </Stack>
  );
}

/** A new installation has no one to sign in as: say where the first administrator comes from. */
function SetupNote() {
  const status = useQuery(trpc.account.setupStatus.queryOptions());
  if (!status.data?.setupRequired) return null;
  return (
    <Alert color="blue" variant="light" role="note" title="Tollgate is not set up yet">
      No accounts exist yet. The first administrator is created through the one-time link printed in the server&apos;s log when it
      starts. Open that link to create your account; administrators then invite everyone else.
    </Alert>
  );
}
