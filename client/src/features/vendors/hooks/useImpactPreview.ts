/**
 * Impact and suggested tier of the holdings as they would be with the
 * editor's unsaved row, asked of the server after a pause in typing.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PreviewImpactInput } from '../../../../../shared/schemas/inventory.ts';
import type { AccessLevel, DataCategoryId, DataSubject } from '../../../../../shared/taxonomy.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { Holding } from '../types.ts';

export interface DraftHolding {
  category: DataCategoryId;
  subjects: DataSubject;
  records: number;
  needed: boolean;
}

interface PreviewArgs {
  /** The saved holdings; the one being edited (by id) is replaced by the draft. */
  holdings: readonly Holding[];
  editingId: number | null;
  draft: DraftHolding | null;
  access: AccessLevel;
  criticality: number;
}

export function useImpactPreview({ holdings, editingId, draft, access, criticality }: PreviewArgs) {
  const rows = holdings
    .filter((h) => h.id !== editingId)
    .map((h) => ({ category: h.category, subjects: h.subjects, records: h.records, needed: h.needed }));
  if (draft) rows.push(draft);
  // Debounced as text: a new object every render would restart the pause for ever.
  const [key] = useDebouncedValue(JSON.stringify({ holdings: rows, access, criticality }), 250);
  const input = useMemo(() => JSON.parse(key) as PreviewImpactInput, [key]);
  return useQuery(trpc.inventory.previewImpact.queryOptions(input, { placeholderData: keepPreviousData, staleTime: 60_000 }));
}
