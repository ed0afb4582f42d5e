/** What personal data the vendor holds and how much of it: the blast radius of a breach there. */
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DATA_SUBJECT_LABELS } from '../../../../../shared/taxonomy.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { pluralise } from '../../../lib/format.ts';
import { categoryLabel, countryName } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { useRefreshVendor } from '../hooks/useRefreshVendor.ts';
import type { Holding, SavedRisk, VendorDetail } from '../types.ts';
import { ExcessDataBadge } from './ExcessDataBadge.tsx';
import { HoldingEditor } from './holdings/HoldingEditor.tsx';
import { ImpactFacts } from './holdings/ImpactFacts.tsx';

interface HoldingsSectionProps {
  detail: VendorDetail;
  canManage: boolean;
}

const holdingName = (h: Holding) => `${categoryLabel(h.category)} about ${DATA_SUBJECT_LABELS[h.subjects].toLowerCase()}`;

export function HoldingsSection({ detail, canManage }: HoldingsSectionProps) {
  const { holdings, vendor, risk } = detail;
  const refresh = useRefreshVendor(vendor.id);
  const [editing, setEditing] = useState<Holding | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Holding | null>(null);
  const [saved, setSaved] = useState<{ message: string; risk: SavedRisk } | null>(null);
  const remove = useMutation(trpc.inventory.deleteHolding.mutationOptions());
  const editable = canManage && vendor.status === 'active';
  // When the editor closes, focus goes back to the button that opens it rather than to the page.
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (returnFocus.current && editing === null) {
      returnFocus.current = false;
      addButton.current?.focus();
    }
  }, [editing]);
  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(null);
  };

  const done = (message: string, after: SavedRisk) => {
    void refresh();
    if (editing) closeEditor();
    setDeleting(null);
    setSaved({ message, risk: after });
  };

  return (
    <Section title="Data held" meta={holdings.length ? pluralise(holdings.length, 'holding') : undefined}>
      {saved ? (
        <SuccessNote onDismiss={() => setSaved(null)}>
          <Stack gap={4}>
            <span>{saved.message}</span>
            <ImpactFacts position={saved.risk} />
          </Stack>
        </SuccessNote>
      ) : null}
      {holdings.length === 0 ? (
        <Text size="sm">No data holdings recorded yet.</Text>
      ) : (
        <ScrollTable caption="Data held by this vendor" minWidth={editable ? 860 : 720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>Data subjects</Table.Th>
              <Table.Th ta="right">Records</Table.Th>
              <Table.Th>Needed</Table.Th>
              <Table.Th>Retention</Table.Th>
              <Table.Th>Stored in</Table.Th>
              {editable ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holdings.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{categoryLabel(h.category)}</Table.Td>
                <Table.Td>{DATA_SUBJECT_LABELS[h.subjects]}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <RecordCount records={h.records} />
                </Table.Td>
                <Table.Td>{h.needed ? 'Yes' : <ExcessDataBadge />}</Table.Td>
                <Table.Td>{h.retentionMonths === null ? 'Not set' : pluralise(h.retentionMonths, 'month')}</Table.Td>
                <Table.Td>{countryName(h.storageCountry)}</Table.Td>
                {editable ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" aria-label={`Edit ${holdingName(h)}`} onClick={() => setEditing(h)}>
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="outline" color="red.9" aria-label={`Delete ${holdingName(h)}`} onClick={() => setDeleting(h)}>
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editable && editing ? (
        <HoldingEditor
          key={editing === 'new' ? 'new' : editing.id}
          vendorId={vendor.id}
          holding={editing === 'new' ? null : editing}
          holdings={holdings}
          access={vendor.effectiveAccess}
          criticality={vendor.criticality}
          current={{ impact: risk.impact, suggestedTier: risk.suggestedTier, inherentBand: risk.inherentBand, inherentResidual: risk.inherentResidual }}
          onCancel={closeEditor}
          onSaved={(after) => done('Holding saved.', after)}
        />
      ) : null}
      {editable && editing === null ? (
        <Button ref={addButton} variant="light" w="fit-content" onClick={() => setEditing('new')}>
          Add holding
        </Button>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${holdingName(deleting)}?`}
          confirmLabel="Delete holding"
          danger
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: (r) => done('Holding deleted.', r.risk) })}
        >
          The vendor&apos;s impact and tier are worked out again without it.
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

