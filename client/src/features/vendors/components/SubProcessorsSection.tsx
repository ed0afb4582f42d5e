/** Fourth parties: the vendor's own suppliers that touch our data. */
import { useMutation } from '@tanstack/react-query';
import { categoryLabel, countryName } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { VendorDetail } from '../types.ts';
import { SubProcessorDialog } from './editors/SubProcessorDialog.tsx';
import { DialogRecordSection, type RecordKind } from './RecordSection.tsx';

type SubProcessor = VendorDetail['subProcessors'][number];

const SUB_PROCESSORS: RecordKind<SubProcessor> = {
  title: 'Sub-processors',
  noun: 'sub-processor',
  empty: 'No sub-processors recorded.',
  caption: 'Sub-processors',
  minWidth: 680,
  nameOf: (s) => s.name,
  deleteNote: "It is removed from this vendor's sub-processors.",
  columns: [
    { header: 'Name', cell: (s) => s.name },
    { header: 'Service', cell: (s) => s.service ?? '-' },
    { header: 'Country', cell: (s) => countryName(s.country) },
    { header: 'Data shared', cell: (s) => (s.dataShared.length ? s.dataShared.map(categoryLabel).join(', ') : 'None recorded') },
  ],
};

export function SubProcessorsSection({ vendorId, subProcessors, editable }: { vendorId: number; subProcessors: readonly SubProcessor[]; editable: boolean }) {
  const remove = useMutation(trpc.vendors.deleteSubProcessor.mutationOptions());
  return <DialogRecordSection kind={SUB_PROCESSORS} vendorId={vendorId} records={subProcessors} editable={editable} Editor={SubProcessorDialog} remove={remove} />;
}
