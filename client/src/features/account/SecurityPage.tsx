/**
 * The person's own sign-in methods: open even before a required second
 * factor is in use, since this is where they set one up.
 */
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hasAnyFactor, mayChangeSignInMethods } from '#shared/signInMethods.ts';
import { FactList } from '../../components/FactList.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { owesMfa, useMe, type Me } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { AuthenticatorSection } from './components/AuthenticatorSection.tsx';
import { PasskeysSection } from './components/PasskeysSection.tsx';
import { SignInAgainNotice } from './components/SignInAgainNotice.tsx';

export function SecurityPage() {
  const me = useMe();
  const security = useQuery(trpc.account.security.queryOptions());
  const queryClient = useQueryClient();
  // account.me carries the MFA state the guard and navigation read: refresh it with the page.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });

  return (
    <Stack gap="md" maw={760}>
      <title>My sign-in methods · Tollgate</title>
      <Title order={2}>My sign-in methods</Title>
      {security.isPending ? (
        <LoadingState label="Loading your sign-in methods" />
      ) : security.isError ? (
        <ErrorState error={security.error} title="Your sign-in methods could not be loaded" onRetry={() => void security.refetch()} />
      ) : (
        <>
          {me.data ? <MfaNotice me={me.data} mfa={security.data.mfa} /> : null}
          <FactList
            facts={[
              { label: 'Multi-factor authentication', value: security.data.mfa.required ? 'Required for your account' : 'Optional for your account (recommended)' },
              { label: 'This sign-in', value: security.data.mfa.satisfied ? 'Used a second factor or passkey' : 'Password only' },
              { label: 'Second factors', value: describeFactors(security.data.mfa) },
            ]}
          />
          <AuthenticatorSection enabled={security.data.mfa.totp} locked={!mayChangeSignInMethods(security.data.mfa)} onChanged={refresh} />
          <PasskeysSection passkeys={security.data.passkeys} locked={!mayChangeSignInMethods(security.data.mfa)} onChanged={refresh} />
        </>
      )}
    </Stack>
  );
}

function describeFactors(mfa: Me['mfa']): string {
  const parts = [mfa.totp ? 'authenticator app' : null, mfa.passkeys ? `${mfa.passkeys} ${mfa.passkeys === 1 ? 'passkey' : 'passkeys'}` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : 'None yet';
}

/**
 * Why the person was sent here, and what will let them through. A password
 * sign-in on an account with a factor cannot change factors (the server
 * refuses it), so such a person is told to sign in with that factor instead.
 */
function MfaNotice({ me, mfa }: { me: Me; mfa: Me['mfa'] }) {
  const why =
    me.user.role === 'admin'
      ? 'Administrators must use multi-factor authentication.'
      : 'Your organisation requires multi-factor authentication for everyone.';
  if (!mayChangeSignInMethods(mfa)) return <SignInAgainNotice mfa={mfa} why={owesMfa(me) ? why : undefined} />;
  if (!owesMfa(me) || hasAnyFactor(mfa)) return null;
  return (
    <Alert color="blue" variant="light" title="Set up multi-factor authentication to continue">
      <Text size="sm">
        {why} Set up an authenticator app or add a passkey below; the rest of Tollgate opens as soon as you have.
      </Text>
    </Alert>
  );
}
