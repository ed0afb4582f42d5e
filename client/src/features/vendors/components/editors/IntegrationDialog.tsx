/** Adds or changes an integration: the vendor's connection into one of our systems. */
import { NativeSelect, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useState } from 'react';
import { INTEGRATION_ACCESS_LEVELS } from '#shared/schemas/inventory.ts';
import { ACCESS_LEVEL_LABELS } from '#shared/taxonomy.ts';
import { fieldErrorsOf } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';
import type { VendorDetail } from '../../types.ts';
import { FormDialog, type RecordEditorProps } from './RecordEditing.tsx';

type Integration = VendorDetail['integrations'][number];
type IntegrationAccess = (typeof INTEGRATION_ACCESS_LEVELS)[number];
const ACCESS_OPTIONS = INTEGRATION_ACCESS_LEVELS.map((a) => ({ value: a, label: ACCESS_LEVEL_LABELS[a] }));

export function IntegrationDialog({ vendorId, record: integration, onSaved, onClose }: RecordEditorProps<Integration>) {
  const [name, setName] = useState(integration?.name ?? '');
  const [system, setSystem] = useState(integration?.system ?? '');
  const [accessLevel, setAccessLevel] = useState<IntegrationAccess>((integration?.accessLevel as IntegrationAccess | undefined) ?? 'read');
  const [scopes, setScopes] = useState<string[]>(integration ? [...integration.scopes] : []);
  const [rotation, setRotation] = useState(integration?.lastTokenRotation ?? '');
  const [tried, setTried] = useState(false);
  const create = useMutation(trpc.vendors.createIntegration.mutationOptions());
  const update = useMutation(trpc.vendors.updateIntegration.mutationOptions());
  const mutation = integration ? update : create;
  const server = mutation.error ? fieldErrorsOf(mutation.error) : {};
  const today = format(new Date(), 'yyyy-MM-dd');
  const nameMissing = !name.trim();
  const future = rotation > today;

  const submit = () => {
    setTried(true);
    if (nameMissing || future) return;
    const fields = { vendorId, name, system, accessLevel, scopes, lastTokenRotation: rotation };
    if (integration) update.mutate({ ...fields, id: integration.id }, { onSuccess: onSaved });
    else create.mutate(fields, { onSuccess: onSaved });
  };

  return (
    <FormDialog title={integration ? `Edit ${integration.name}` : 'Add integration'} submitLabel="Save integration" busy={mutation.isPending} error={mutation.error} onSubmit={submit} onClose={onClose}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Name" required withAsterisk maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={(tried && nameMissing ? "Enter the integration's name" : undefined) ?? server.name} data-autofocus />
        <TextInput label="Our system" description="What it connects to, e.g. CRM" maxLength={200} value={system} onChange={(e) => setSystem(e.currentTarget.value)} error={server.system} />
        <NativeSelect label="Access" data={ACCESS_OPTIONS} value={accessLevel} onChange={(e) => setAccessLevel(e.currentTarget.value as IntegrationAccess)} error={server.accessLevel} />
        <TextInput
          type="date"
          label="Last token rotation"
          description="Tokens older than a year are marked stale"
          max={today}
          value={rotation}
          onChange={(e) => setRotation(e.currentTarget.value)}
          error={(tried && future ? 'The last token rotation cannot be in the future' : undefined) ?? server.lastTokenRotation}
        />
      </SimpleGrid>
      <TagsInput label="Scopes" description="Press Enter after each scope" value={scopes} onChange={setScopes} clearable clearButtonProps={{ 'aria-label': 'Clear scopes' }} error={server.scopes} />
    </FormDialog>
  );
}
