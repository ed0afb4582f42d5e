/** Adds or changes a contact at the vendor. */
import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';
import type { VendorDetail } from '../../types.ts';
import { FormDialog, type RecordEditorProps } from './RecordEditing.tsx';

type Contact = VendorDetail['contacts'][number];

export function ContactDialog({ vendorId, record: contact, onSaved, onClose }: RecordEditorProps<Contact>) {
  const [name, setName] = useState(contact?.name ?? '');
  const [role, setRole] = useState(contact?.role ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [isPrimary, setIsPrimary] = useState(contact?.isPrimary ?? false);
  const [tried, setTried] = useState(false);
  const create = useMutation(trpc.vendors.createContact.mutationOptions());
  const update = useMutation(trpc.vendors.updateContact.mutationOptions());
  const mutation = contact ? update : create;
  const server = mutation.error ? fieldErrorsOf(mutation.error) : {};
  const nameMissing = !name.trim();

  const submit = () => {
    setTried(true);
    if (nameMissing) return;
    const fields = { vendorId, name, role, email, phone, isPrimary };
    if (contact) update.mutate({ ...fields, id: contact.id }, { onSuccess: onSaved });
    else create.mutate(fields, { onSuccess: onSaved });
  };

  return (
    <FormDialog title={contact ? `Edit ${contact.name}` : 'Add contact'} submitLabel="Save contact" busy={mutation.isPending} error={mutation.error} onSubmit={submit} onClose={onClose}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Name" required withAsterisk maxLength={120} value={name} onChange={(e) => setName(e.currentTarget.value)} error={(tried && nameMissing ? "Enter the contact's name" : undefined) ?? server.name} data-autofocus />
        <TextInput label="Role" description="For example: Security lead" maxLength={120} value={role} onChange={(e) => setRole(e.currentTarget.value)} error={server.role} />
        <TextInput label="Email" type="email" maxLength={254} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={server.email} />
        <TextInput label="Phone" type="tel" maxLength={40} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={server.phone} />
      </SimpleGrid>
      <Checkbox label="Primary contact" description="The first person to call; marking one moves the mark from the others." checked={isPrimary} onChange={(e) => setIsPrimary(e.currentTarget.checked)} />
    </FormDialog>
  );
}
