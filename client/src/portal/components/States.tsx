/** Loading and failure states, worded the same on every page. */
import { errorMessage } from '../api.ts';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}

export function ErrorPanel({ error, title = 'This could not be loaded', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="alert alert--error" role="alert">
      <h2 className="alert__title">{title}</h2>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
