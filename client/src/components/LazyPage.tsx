/** Pages loaded on first visit show the same loading state as data (a failed load reaches the route error page). */
import { Suspense, type ReactNode } from 'react';
import { LoadingState } from './QueryStates.tsx';

export function LazyPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState label="Loading page" />}>{children}</Suspense>;
}
