/** The organisation's name and contact for vendors, changed by an administrator (audited on the server). */
import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { OrganisationFields, type OrganisationValues } from '../../../components/OrganisationFields.tsx';
import { ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { Section } from '../../../components/Section.tsx';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors.ts';
import { trpc, type RouterOutputs } from '../../../lib/trpc.ts';

type Organisation = RouterOutputs['settings']['organisation'];

const valuesOf = (o: Organisation): OrganisationValues => ({
  name: o.name ?? '',
  vendorContactName: o.vendorContact?.name ?? '',
  vendorContactEmail: o.vendorContact?.email ?? '',
});

export function OrganisationSection() {
  const organisation = useQuery(trpc.settings.organisation.queryOptions());
  return (
    <Section title="Organisation" description="Vendors see these in the questionnaire portal, in the emails they receive and in assessment reports.">
      {organisation.isPending ? (
        <LoadingState label="Loading the organisation's settings" />
      ) : organisation.isError ? (
        <ErrorState error={organisation.error} title="The organisation's settings could not be loaded" onRetry={() => void organisation.refetch()} />
      ) : (
        <OrganisationForm saved={organisation.data} />
      )}
    </Section>
  );
}

function OrganisationForm({ saved }: { saved: Organisation }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(saved));
  const [status, setStatus] = useState('');
  const update = useMutation(
    trpc.settings.updateOrganisation.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.settings.organisation.queryKey(), next);
        setValues(valuesOf(next));
        setStatus(`Saved: vendors now read “${next.name ?? ''}”.`);
      },
    }),
  );
  const errors = update.error ? fieldErrorsOf(update.error) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    update.mutate({ name: values.name.trim(), vendorContactName: values.vendorContactName.trim(), vendorContactEmail: values.vendorContactEmail.trim() });
  };

  return (
    <form onSubmit={submit} aria-label="Organisation" noValidate>
      <Stack gap="sm" maw={560}>
        {saved.name === null ? (
          <Text size="sm" fw={600}>
            No name is set yet: vendors read “Your customer asks …”. Enter your organisation&apos;s name.
          </Text>
        ) : null}
        {update.isError && Object.keys(errors).length === 0 ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
        <OrganisationFields value={values} onChange={setValues} errors={errors} />
        <Button type="submit" loading={update.isPending} w="fit-content">
          Save organisation
        </Button>
        <Text role="status" size="sm" fw={600}>
          {status}
        </Text>
      </Stack>
    </form>
  );
}
