/** People to call at the vendor, primary contact first. */
import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { useRefreshVendor } from '../hooks/useRefreshVendor.ts';
import type { VendorDetail } from '../types.ts';
import { ContactDialog } from './editors/ContactDialog.tsx';
import { DeleteRecordDialog, RowActions, useRecordEditing } from './editors/RecordEditing.tsx';

type Contact = VendorDetail['contacts'][number];

export function ContactsSection({ vendorId, contacts, editable }: { vendorId: number; contacts: VendorDetail['contacts']; editable: boolean }) {
  const state = useRecordEditing<Contact>();
  const refresh = useRefreshVendor(vendorId);
  const remove = useMutation(trpc.inventory.deleteContact.mutationOptions());
  const saved = (message: string) => {
    void refresh();
    state.done(message);
  };
  const deleting = state.deleting;
  return (
    <Section title="Contacts" meta={contacts.length ? pluralise(contacts.length, 'contact') : undefined}>
      {state.notice ? <SuccessNote onDismiss={state.dismiss}>{state.notice}</SuccessNote> : null}
      {contacts.length === 0 ? (
        <Text size="sm">No contacts recorded.</Text>
      ) : (
        <ScrollTable caption="Vendor contacts" minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              {editable ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.name}
                  {c.isPrimary ? (
                    <Badge ml={6} size="xs" color="indigo.8" variant="outline" radius="sm">
                      Primary
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{c.role ?? '-'}</Table.Td>
                <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '-'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.phone ? <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} size="sm">{c.phone}</Anchor> : '-'}
                </Table.Td>
                {editable ? (
                  <Table.Td>
                    <RowActions name={c.name} onEdit={() => state.edit(c)} onDelete={() => state.askDelete(c)} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editable ? (
        <Button variant="light" w="fit-content" onClick={state.add}>
          Add contact
        </Button>
      ) : null}
      {state.editing ? (
        <ContactDialog vendorId={vendorId} contact={state.editing === 'new' ? null : state.editing} onClose={state.close} onSaved={() => saved('Contact saved.')} />
      ) : null}
      {deleting ? (
        <DeleteRecordDialog
          name={deleting.name}
          noun="contact"
          mutation={remove}
          onClose={state.close}
          onConfirm={() => remove.mutate({ vendorId, id: deleting.id }, { onSuccess: () => saved('Contact deleted.') })}
        >
          They are removed from this vendor&apos;s contacts.
        </DeleteRecordDialog>
      ) : null}
    </Section>
  );
}
