/**
 * Reads the one-time token from the address (?token=...) and at once
 * removes it from the address bar and history, so it does not linger in
 * the browser's history, in screenshots, or when the screen is shared.
 */
import { useEffect, useState } from 'react';

export function useOneTimeToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token'));
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    // Keeps the router's own history state, so back and forward still work.
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);
  return token;
}
