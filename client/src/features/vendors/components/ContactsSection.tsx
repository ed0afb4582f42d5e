/** People to call at the vendor, primary contact first. */
import { Anchor, Badge } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import type { VendorDetail } from '../types.ts';
import { ContactDialog } from './editors/ContactDialog.tsx';
import { DialogRecordSection, type RecordKind } from './RecordSection.tsx';

type Contact = VendorDetail['contacts'][number];

const CONTACTS: RecordKind<Contact> = {
  title: 'Contacts',
  noun: 'contact',
  empty: 'No contacts recorded.',
  caption: 'Vendor contacts',
  minWidth: 640,
  nameOf: (c) => c.name,
  deleteNote: "They are removed from this vendor's contacts.",
  columns: [
    {
      header: 'Name',
      cell: (c) => (
        <>
          {c.name}
          {c.isPrimary ? (
            <Badge ml={6} size="xs" color="indigo.8" variant="outline" radius="sm">
              Primary
            </Badge>
          ) : null}
        </>
      ),
    },
    { header: 'Role', cell: (c) => c.role ?? '-' },
    { header: 'Email', cell: (c) => (c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '-') },
    { header: 'Phone', nowrap: true, cell: (c) => (c.phone ? <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} size="sm">{c.phone}</Anchor> : '-') },
  ],
};

export function ContactsSection({ vendorId, contacts, editable }: { vendorId: number; contacts: readonly Contact[]; editable: boolean }) {
  const remove = useMutation(trpc.vendors.deleteContact.mutationOptions());
  return <DialogRecordSection kind={CONTACTS} vendorId={vendorId} records={contacts} editable={editable} Editor={ContactDialog} remove={remove} />;
}
