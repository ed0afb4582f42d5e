/**
 * Every question's save state in one place, for the page-wide status line
 * ("All changes saved", "2 answers not saved") and to warn before leaving
 * with changes not yet saved.
 */
import { useSyncExternalStore } from 'react';

export type SaveKind = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

const states = new Map<string, SaveKind>();
const listeners = new Set<() => void>();
let summary = '';

function summarise(): string {
  const kinds = [...states.values()];
  const failed = kinds.filter((k) => k === 'error' || k === 'conflict').length;
  if (failed) return `${failed} ${failed === 1 ? 'answer is' : 'answers are'} not saved`;
  if (kinds.some((k) => k === 'pending' || k === 'saving')) return 'Saving…';
  if (kinds.some((k) => k === 'saved')) return 'All changes saved';
  return '';
}

export function reportSaveState(key: string, kind: SaveKind): void {
  if (states.get(key) === kind) return;
  states.set(key, kind);
  const next = summarise();
  if (next === summary) return;
  summary = next;
  listeners.forEach((listener) => listener());
}

export function useSaveSummary(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => summary,
  );
}

export function hasUnsavedChanges(): boolean {
  return [...states.values()].some((k) => k !== 'idle' && k !== 'saved');
}

window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedChanges()) event.preventDefault();
});
