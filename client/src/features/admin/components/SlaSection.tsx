/** Days allowed to fix a task of each severity; a change applies to tasks raised from then on. */
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SEVERITIES, type Severity } from '#shared/catalogue/types.ts';
import { DEFAULT_SLA_DAYS, SLA_MAX_DAYS, SLA_MIN_DAYS, type SlaDays } from '#shared/remediation/sla.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors.ts';
import { SEVERITY_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';

export function SlaSection() {
  const sla = useQuery(trpc.tasks.sla.queryOptions());
  return (
    <>
      <Title order={3} size="h4">
        Remediation deadlines
      </Title>
      {sla.isPending ? (
        <LoadingState label="Loading the deadlines" />
      ) : sla.isError ? (
        <ErrorState error={sla.error} title="The deadlines could not be loaded" onRetry={() => void sla.refetch()} />
      ) : (
        <SlaForm initial={sla.data} />
      )}
    </>
  );
}

function SlaForm({ initial }: { initial: SlaDays }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Severity, number | string>>(initial);
  const [saved, setSaved] = useState('');
  const save = useMutation(
    trpc.tasks.updateSla.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.tasks.sla.queryKey(), next);
        setSaved('Saved. Tasks raised from now on get these deadlines; tasks already raised keep theirs.');
      },
    }),
  );
  const errors = save.isError ? fieldErrorsOf(save.error) : {};
  const severities = [...SEVERITIES].reverse();
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved('');
          save.mutate(Object.fromEntries(severities.map((s) => [s, Number(values[s])])) as SlaDays);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Days a vendor has to fix a failed control, by the task’s severity, counted from the day the review completes (or the day an accepted risk
            reopens). A more severe task never gets more days than a milder one. The defaults follow the scoring model:{' '}
            {severities.map((s) => `${SEVERITY_LABELS[s].toLowerCase()} ${DEFAULT_SLA_DAYS[s]}`).join(', ')} days.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {severities.map((s) => (
              <NumberInput
                key={s}
                label={`${SEVERITY_LABELS[s]} (days)`}
                min={SLA_MIN_DAYS}
                max={SLA_MAX_DAYS}
                allowDecimal={false}
                value={values[s]}
                onChange={(v) => setValues((current) => ({ ...current, [s]: v }))}
                error={errors[s]}
              />
            ))}
          </SimpleGrid>
          {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
          {saved ? <SuccessNote onDismiss={() => setSaved('')}>{saved}</SuccessNote> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save deadlines
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
