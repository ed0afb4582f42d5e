/**
 * The organisation's name and its contact for vendors: what vendors read in
 * the portal ("Demo Airline asks …"), in emails and in reports. Asked for at
 * first-run setup and changed in Settings.
 */
import { Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';

export interface OrganisationValues {
  name: string;
  vendorContactName: string;
  vendorContactEmail: string;
}

export const EMPTY_ORGANISATION: OrganisationValues = { name: '', vendorContactName: '', vendorContactEmail: '' };

interface OrganisationFieldsProps {
  value: OrganisationValues;
  onChange: (next: OrganisationValues) => void;
  errors?: Partial<Record<keyof OrganisationValues, string>>;
  disabled?: boolean;
}

export function OrganisationFields({ value, onChange, errors = {}, disabled = false }: OrganisationFieldsProps) {
  const set = (key: keyof OrganisationValues) => (event: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: event.currentTarget.value });
  return (
    <Stack gap="sm">
      <TextInput
        label="Organisation name"
        description="Vendors read it as the one asking them: “… asks your company to answer a security questionnaire”."
        autoComplete="organization"
        required
        withAsterisk={false}
        maxLength={120}
        value={value.name}
        onChange={set('name')}
        error={errors.name}
        disabled={disabled}
      />
      <TextInput
        label="Contact for vendors"
        description="A person or team vendors may ask about a questionnaire, e.g. Vendor risk team."
        required
        withAsterisk={false}
        maxLength={120}
        value={value.vendorContactName}
        onChange={set('vendorContactName')}
        error={errors.vendorContactName}
        disabled={disabled}
      />
      <TextInput
        label="Contact email for vendors"
        description="Shown in the vendor portal and in the emails vendors receive."
        type="email"
        autoComplete="email"
        required
        withAsterisk={false}
        maxLength={254}
        value={value.vendorContactEmail}
        onChange={set('vendorContactEmail')}
        error={errors.vendorContactEmail}
        disabled={disabled}
      />
    </Stack>
  );
}
