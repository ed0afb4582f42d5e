/** Fourth parties: the vendor's own suppliers that touch our data. */
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { pluralise } from '../../../lib/format.ts';
import { categoryLabel, countryName } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { useRefreshVendor } from '../hooks/useRefreshVendor.ts';
import type { VendorDetail } from '../types.ts';
import { DeleteRecordDialog, RowActions, useRecordEditing } from './editors/RecordEditing.tsx';
import { SubProcessorDialog } from './editors/SubProcessorDialog.tsx';

type SubProcessor = VendorDetail['subProcessors'][number];

interface SubProcessorsSectionProps {
  vendorId: number;
  subProcessors: VendorDetail['subProcessors'];
  editable: boolean;
}

export function SubProcessorsSection({ vendorId, subProcessors, editable }: SubProcessorsSectionProps) {
  const state = useRecordEditing<SubProcessor>();
  const refresh = useRefreshVendor(vendorId);
  const remove = useMutation(trpc.inventory.deleteSubProcessor.mutationOptions());
  const saved = (message: string) => {
    void refresh();
    state.done(message);
  };
  const deleting = state.deleting;
  return (
    <Section
      title="Sub-processors"
      meta={subProcessors.length ? pluralise(subProcessors.length, 'sub-processor') : undefined}
    >
      {state.notice ? <SuccessNote onDismiss={state.dismiss}>{state.notice}</SuccessNote> : null}
      {subProcessors.length === 0 ? (
        <Text size="sm">No sub-processors recorded.</Text>
      ) : (
        <ScrollTable caption="Sub-processors" minWidth={680}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Data shared</Table.Th>
              {editable ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subProcessors.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.service ?? '-'}</Table.Td>
                <Table.Td>{countryName(s.country)}</Table.Td>
                <Table.Td>{s.dataShared.length ? s.dataShared.map(categoryLabel).join(', ') : 'None recorded'}</Table.Td>
                {editable ? (
                  <Table.Td>
                    <RowActions name={s.name} onEdit={() => state.edit(s)} onDelete={() => state.askDelete(s)} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editable ? (
        <Button variant="light" w="fit-content" onClick={state.add}>
          Add sub-processor
        </Button>
      ) : null}
      {state.editing ? (
        <SubProcessorDialog vendorId={vendorId} subProcessor={state.editing === 'new' ? null : state.editing} onClose={state.close} onSaved={() => saved('Sub-processor saved.')} />
      ) : null}
      {deleting ? (
        <DeleteRecordDialog
          name={deleting.name}
          noun="sub-processor"
          mutation={remove}
          onClose={state.close}
          onConfirm={() => remove.mutate({ vendorId, id: deleting.id }, { onSuccess: () => saved('Sub-processor deleted.') })}
        >
          It is removed from this vendor&apos;s sub-processors.
        </DeleteRecordDialog>
      ) : null}
    </Section>
  );
}
