/** The vendor's profile as a form, for adding a vendor and for editing one. */
import { MultiSelect, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ACCESS_LEVEL_LABELS, ACCESS_LEVELS, SERVICE_TYPE_LABELS, SERVICE_TYPES, type AccessLevel, type ServiceType } from '#shared/taxonomy.ts';
import { fieldErrorsOf } from '../../../../lib/errors.ts';
import type { VendorDetail } from '../../types.ts';
import { CRITICALITY_WORDS } from '../../vendorLabels.ts';
import { FormDialog } from './RecordEditing.tsx';

export interface ProfileValues {
  name: string;
  website: string;
  serviceDescription: string;
  services: ServiceType[];
  businessOwner: string;
  contractStart: string;
  contractEnd: string;
  criticality: 1 | 2 | 3 | 4 | 5;
  accessLevel: AccessLevel;
}

export const EMPTY_PROFILE: ProfileValues = {
  name: '',
  website: '',
  serviceDescription: '',
  services: [],
  businessOwner: '',
  contractStart: '',
  contractEnd: '',
  criticality: 3,
  accessLevel: 'none',
};

export function profileOf(vendor: VendorDetail['vendor']): ProfileValues {
  return {
    name: vendor.name,
    website: vendor.website ?? '',
    serviceDescription: vendor.serviceDescription,
    services: [...vendor.services],
    businessOwner: vendor.businessOwner ?? '',
    contractStart: vendor.contractStart ?? '',
    contractEnd: vendor.contractEnd ?? '',
    criticality: vendor.criticality as ProfileValues['criticality'],
    accessLevel: vendor.accessLevel,
  };
}

const SERVICE_OPTIONS = SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] }));
const CRITICALITY_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${CRITICALITY_WORDS[n]}` }));
const ACCESS_OPTIONS = ACCESS_LEVELS.map((a) => ({ value: a, label: ACCESS_LEVEL_LABELS[a] }));

interface VendorProfileDialogProps {
  title: string;
  submitLabel: string;
  initial: ProfileValues;
  busy: boolean;
  error: unknown;
  onSubmit: (values: ProfileValues) => void;
  onClose: () => void;
}

export function VendorProfileDialog({ title, submitLabel, initial, busy, error, onSubmit, onClose }: VendorProfileDialogProps) {
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const local: Partial<Record<keyof ProfileValues, string>> = {};
  if (!values.name.trim()) local.name = "Enter the vendor's name";
  if (values.contractStart && values.contractEnd && values.contractEnd < values.contractStart) local.contractEnd = 'The contract cannot end before it starts';
  const server = error ? fieldErrorsOf(error) : {};
  const fieldError = (key: keyof ProfileValues) => (tried ? local[key] : undefined) ?? server[key];

  const submit = () => {
    setTried(true);
    if (Object.keys(local).length === 0) onSubmit(values);
  };

  return (
    <FormDialog title={title} submitLabel={submitLabel} busy={busy} error={error} onSubmit={submit} onClose={onClose}>
      <TextInput label="Name" required withAsterisk maxLength={200} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} data-autofocus />
      <TextInput label="Website" placeholder="https://example.com" maxLength={500} value={values.website} onChange={(e) => set('website', e.currentTarget.value)} error={fieldError('website')} />
      <Textarea label="Service provided" description="What the vendor does for us" autosize minRows={2} maxLength={2000} value={values.serviceDescription} onChange={(e) => set('serviceDescription', e.currentTarget.value)} error={fieldError('serviceDescription')} />
      <MultiSelect
        label="Service types"
        description="Contact centres and help desks take calls: they are the first target of social engineering"
        placeholder={values.services.length ? undefined : 'Choose one or more'}
        data={SERVICE_OPTIONS}
        value={values.services}
        onChange={(next) => set('services', next as ServiceType[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear service types' }}
        error={fieldError('services')}
      />
      <TextInput label="Business owner" description="The person at our company who owns the relationship" maxLength={120} value={values.businessOwner} onChange={(e) => set('businessOwner', e.currentTarget.value)} error={fieldError('businessOwner')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label="Contract start" value={values.contractStart} onChange={(e) => set('contractStart', e.currentTarget.value)} error={fieldError('contractStart')} />
        <TextInput type="date" label="Contract end" value={values.contractEnd} onChange={(e) => set('contractEnd', e.currentTarget.value)} error={fieldError('contractEnd')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label="Business criticality"
          description="How badly an outage would hurt, 1 to 5"
          data={CRITICALITY_OPTIONS}
          value={String(values.criticality)}
          onChange={(e) => set('criticality', Number(e.currentTarget.value) as ProfileValues['criticality'])}
          error={fieldError('criticality')}
        />
        <NativeSelect
          label="Access to our systems"
          description="What the vendor can reach in our own systems"
          data={ACCESS_OPTIONS}
          value={values.accessLevel}
          onChange={(e) => set('accessLevel', e.currentTarget.value as AccessLevel)}
          error={fieldError('accessLevel')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
