/** "Saving…", "Saved" or "Not saved" with a retry, beside each question. */
import type { SaveState } from '../hooks/useAutosave.ts';

export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'pending':
    case 'saving':
      return <span className="save-state save-state--saving">Saving…</span>;
    case 'saved':
      return <span className="save-state save-state--saved">Saved</span>;
    case 'conflict':
      return <span className="save-state save-state--error">Not saved: choose a version below</span>;
    case 'error':
      return (
        <span className="save-state save-state--error">
          Not saved: {state.message}{' '}
          <button type="button" className="btn-link" onClick={onRetry}>
            Retry
          </button>
        </span>
      );
  }
}
