/** What personal data the vendor holds and how much of it: the blast radius of a breach there. */
import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { DATA_SUBJECT_LABELS } from '#shared/taxonomy.ts';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { pluralise } from '../../../lib/format.ts';
import { categoryLabel, countryName } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { Holding, SavedRisk, VendorDetail } from '../types.ts';
import { useRecordEditing } from './editors/RecordEditing.tsx';
import { ExcessDataBadge } from './ExcessDataBadge.tsx';
import { HoldingEditor } from './holdings/HoldingEditor.tsx';
import { ImpactFacts } from './holdings/ImpactFacts.tsx';
import { RecordSection, type RecordKind } from './RecordSection.tsx';

interface HoldingsSectionProps {
  detail: VendorDetail;
  canManage: boolean;
}

/** What a save or delete did, and where it left the vendor. */
interface HoldingNotice {
  message: string;
  risk: SavedRisk;
}

const HOLDINGS: RecordKind<Holding> = {
  title: 'Data held',
  noun: 'holding',
  empty: 'No data holdings recorded yet.',
  caption: 'Data held by this vendor',
  minWidth: 720,
  nameOf: (h) => `${categoryLabel(h.category)} about ${DATA_SUBJECT_LABELS[h.subjects].toLowerCase()}`,
  deleteNote: "The vendor's impact and tier are worked out again without it.",
  columns: [
    { header: 'Category', cell: (h) => categoryLabel(h.category) },
    { header: 'Data subjects', cell: (h) => DATA_SUBJECT_LABELS[h.subjects] },
    { header: 'Records', numeric: true, nowrap: true, cell: (h) => <RecordCount records={h.records} /> },
    { header: 'Needed', cell: (h) => (h.needed ? 'Yes' : <ExcessDataBadge />) },
    { header: 'Retention', cell: (h) => (h.retentionMonths === null ? 'Not set' : pluralise(h.retentionMonths, 'month')) },
    { header: 'Stored in', cell: (h) => countryName(h.storageCountry) },
  ],
};

/** With the Edit and Delete column, the table needs more room before it scrolls. */
const EDITABLE_HOLDINGS: RecordKind<Holding> = { ...HOLDINGS, minWidth: 860 };

export function HoldingsSection({ detail, canManage }: HoldingsSectionProps) {
  const { holdings, vendor, risk } = detail;
  const state = useRecordEditing<Holding, HoldingNotice>(vendor.id);
  const remove = useMutation(trpc.vendors.deleteHolding.mutationOptions());
  const editable = canManage && vendor.status === 'active';
  return (
    <RecordSection
      kind={editable ? EDITABLE_HOLDINGS : HOLDINGS}
      records={holdings}
      editable={editable}
      state={state}
      renderNotice={(notice) => (
        <Stack gap={4}>
          <span>{notice.message}</span>
          <ImpactFacts position={notice.risk} />
        </Stack>
      )}
      inlineEditor
      renderEditor={(holding) => (
        <HoldingEditor
          key={holding?.id ?? 'new'}
          vendorId={vendor.id}
          holding={holding}
          holdings={holdings}
          access={vendor.effectiveAccess}
          criticality={vendor.criticality}
          current={{ impact: risk.impact, suggestedTier: risk.suggestedTier, inherentBand: risk.inherentBand, inherentResidual: risk.inherentResidual }}
          onCancel={state.close}
          onSaved={(after) => state.done({ message: 'Holding saved.', risk: after })}
        />
      )}
      remove={remove}
      onDelete={(h) => remove.mutate({ id: h.id }, { onSuccess: (r) => state.done({ message: 'Holding deleted.', risk: r.risk }) })}
    />
  );
}
