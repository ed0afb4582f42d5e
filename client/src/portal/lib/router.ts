/**
 * A very small router for the portal's few pages: real paths under /portal
 * (the server serves this app for all of them), so a reload or a bookmark
 * comes back to the same page.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'welcome' }
  | { page: 'questions'; domain: string | null }
  | { page: 'submit' }
  | { page: 'tasks' };

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/^\/portal\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'questions') return { page: 'questions', domain: parts[1] ?? null };
  if (parts[0] === 'submit') return { page: 'submit' };
  if (parts[0] === 'tasks') return { page: 'tasks' };
  return { page: 'welcome' };
}

/** The current path and hash; components parse what they need. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.hash);
}

export function navigate(to: string, { replace = false } = {}): void {
  if (to === window.location.pathname + window.location.hash) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** The element id of the conversation with the reviewer on a question's card. */
export const reviewAnchor = (controlId: string) => `${controlId}-review`;

export const paths = {
  welcome: '/portal',
  questions: (domain?: string, controlId?: string) => `/portal/questions${domain ? `/${domain}` : ''}${controlId ? `#${controlId}` : ''}`,
  /** The conversation with the reviewer on one question. */
  review: (domain: string, controlId: string) => `/portal/questions/${domain}#${reviewAnchor(controlId)}`,
  submit: '/portal/submit',
  tasks: '/portal/tasks',
};
