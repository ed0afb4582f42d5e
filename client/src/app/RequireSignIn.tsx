/**
 * The gate in front of the staff app: signed-out people go to the sign-in
 * page (and come back afterwards); people who owe a second factor go to
 * their sign-in methods, the only page open to them until they use one.
 */
import { Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/QueryStates.tsx';
import { owesMfa, signInPath, useMe } from '../lib/session.ts';
import { MFA_SETUP_PATH } from './access.ts';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Checking your sign-in" />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} title="Your sign-in could not be checked" onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (owesMfa(me.data) && location.pathname !== MFA_SETUP_PATH) return <Navigate to={MFA_SETUP_PATH} replace />;
  return children;
}
