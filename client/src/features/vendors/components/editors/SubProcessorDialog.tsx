/** Adds or changes a sub-processor: a supplier of the vendor that touches our data. */
import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DATA_CATEGORIES, type DataCategoryId } from '#shared/taxonomy.ts';
import { fieldErrorsOf } from '../../../../lib/errors.ts';
import { countryName } from '../../../../lib/labels.ts';
import { trpc } from '../../../../lib/trpc.ts';
import type { VendorDetail } from '../../types.ts';
import { FormDialog, type RecordEditorProps } from './RecordEditing.tsx';

type SubProcessor = VendorDetail['subProcessors'][number];
const CATEGORY_OPTIONS = DATA_CATEGORIES.map((c) => ({ value: c.id, label: c.label }));

export function SubProcessorDialog({ vendorId, record: subProcessor, onSaved, onClose }: RecordEditorProps<SubProcessor>) {
  const [name, setName] = useState(subProcessor?.name ?? '');
  const [service, setService] = useState(subProcessor?.service ?? '');
  const [country, setCountry] = useState(subProcessor?.country ?? '');
  const [dataShared, setDataShared] = useState<DataCategoryId[]>(subProcessor ? [...subProcessor.dataShared] : []);
  const [tried, setTried] = useState(false);
  const create = useMutation(trpc.vendors.createSubProcessor.mutationOptions());
  const update = useMutation(trpc.vendors.updateSubProcessor.mutationOptions());
  const mutation = subProcessor ? update : create;
  const server = mutation.error ? fieldErrorsOf(mutation.error) : {};
  const nameMissing = !name.trim();
  const badCountry = country !== '' && !/^[A-Za-z]{2}$/.test(country);

  const submit = () => {
    setTried(true);
    if (nameMissing || badCountry) return;
    const fields = { vendorId, name, service, country, dataShared };
    if (subProcessor) update.mutate({ ...fields, id: subProcessor.id }, { onSuccess: onSaved });
    else create.mutate(fields, { onSuccess: onSaved });
  };

  return (
    <FormDialog title={subProcessor ? `Edit ${subProcessor.name}` : 'Add sub-processor'} submitLabel="Save sub-processor" busy={mutation.isPending} error={mutation.error} onSubmit={submit} onClose={onClose}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Name" required withAsterisk maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={(tried && nameMissing ? "Enter the sub-processor's name" : undefined) ?? server.name} data-autofocus />
        <TextInput
          label="Country"
          description={country.length === 2 ? countryName(country) : 'Two-letter code: GB, IE, US'}
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
          error={(tried && badCountry ? 'Use a two-letter ISO 3166 code such as GB, IE or US' : undefined) ?? server.country}
        />
      </SimpleGrid>
      <TextInput label="Service" description="What it does for the vendor, e.g. night-shift agents" maxLength={500} value={service} onChange={(e) => setService(e.currentTarget.value)} error={server.service} />
      <MultiSelect
        label="Data shared with it"
        placeholder={dataShared.length ? undefined : 'Choose categories'}
        data={CATEGORY_OPTIONS}
        value={dataShared}
        onChange={(next) => setDataShared(next as DataCategoryId[])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear data shared' }}
        error={server.dataShared}
      />
    </FormDialog>
  );
}
