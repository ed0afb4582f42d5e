/**
 * Catalogue control questions in files. A file may name a control by id
 * alone (the catalogue's wording is taken); when it also carries wording,
 * severity or flags they must be the catalogue's: a catalogue control keeps
 * its text, severity, critical flag and N/A rule, only its weight may change.
 */
import { findControl } from '../../catalogue/coreV1.ts';
import type { ControlDefinition } from '../../catalogue/types.ts';
import { controlSnapshot } from '../builtIn.ts';

/** Finds a catalogue control by id; the built-in catalogue unless the caller knows more versions. */
export type ControlLookup = (id: string) => ControlDefinition | undefined;

export const builtInControls: ControlLookup = findControl;

export function unknownControlMessage(id: string): string {
  return `"${id}" is not a control of the catalogue (its ids look like "IAM-01"): use another type for a custom question`;
}

/** Fields of `given` that differ from the catalogue's control, as "severity (file: high, catalogue: critical)". */
export function differencesFromCatalogue(given: Record<string, unknown>, control: ControlDefinition): string[] {
  const expected = controlSnapshot(control) as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(expected), ...Object.keys(given)]);
  const shown = (v: unknown) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return text === undefined ? 'nothing' : text.length > 40 ? `${text.slice(0, 37)}...` : text;
  };
  return [...keys]
    .filter((k) => JSON.stringify(given[k]) !== JSON.stringify(expected[k]))
    .map((k) => `${k} (file: ${shown(given[k])}, catalogue: ${shown(expected[k])})`);
}

export function catalogueMismatchMessage(id: string, differences: readonly string[]): string {
  return `${id} comes from the catalogue, which says otherwise for ${differences.join('; ')}. A catalogue control keeps its wording, severity and flags: change its weight, or make it a custom question`;
}
