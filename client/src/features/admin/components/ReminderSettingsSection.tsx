/**
 * Settings: how often each tier is re-assessed, and which reminder emails
 * go out. The rules (bounds, a more critical tier never waiting longer)
 * are the shared ones; the server checks them and says which tier is wrong.
 */
import { Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CADENCE_MAX_MONTHS, CADENCE_MIN_MONTHS, type CadenceMonths } from '#shared/remediation/cadence.ts';
import { REMINDER_KINDS, type ReminderKind, type ReminderSettings } from '#shared/remediation/reminders.ts';
import { TIER_LABELS, TIERS } from '#shared/scoring/constants.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { Section } from '../../../components/Section.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

const KIND_TEXT: Record<ReminderKind, { label: string; description: string }> = {
  link_not_opened: { label: 'Questionnaire link not opened', description: '3 days after a link was sent and not opened: to the vendor contact and the assessor.' },
  questionnaire_due: { label: 'Questionnaire due soon', description: '7, 3 and 1 days before the due date: to the vendor contact.' },
  questionnaire_overdue: { label: 'Questionnaire overdue', description: 'Every week after the due date: to the vendor contact and the assessor.' },
  task_due: { label: 'Remediation task due soon', description: '7 days before the due date: to the vendor contact and the task owner.' },
  task_overdue: { label: 'Remediation task overdue', description: 'Every week after the due date: to the vendor contact and the task owner.' },
  acceptance_expiring: { label: 'Accepted risk ending', description: '14 days before an acceptance ends: to the CISO who accepted it and the task owner.' },
  reassessment_due: { label: 'Re-assessment due', description: '30 days before a vendor is due for re-assessment: to its assessor.' },
};

export function ReminderSettingsSection() {
  const settings = useQuery(trpc.reminders.settings.queryOptions());
  return (
    <>
      <Section title="Re-assessment cadence" description="How many months an assessment counts for, by tier. After that the vendor shows as not assessed and is listed as overdue.">
        {settings.isPending ? (
          <LoadingState label="Loading the cadence" />
        ) : settings.isError ? (
          <ErrorState error={settings.error} title="The cadence could not be loaded" onRetry={() => void settings.refetch()} />
        ) : (
          <CadenceForm saved={settings.data.cadence} />
        )}
      </Section>
      <Section
        title="Reminder emails"
        description="Tollgate checks every hour and sends each reminder once. Without a mail server they wait in the Outbox for you to pass on."
      >
        {settings.isPending ? (
          <LoadingState label="Loading the reminder settings" />
        ) : settings.isError ? (
          <ErrorState error={settings.error} title="The reminder settings could not be loaded" onRetry={() => void settings.refetch()} />
        ) : (
          <ReminderKinds saved={settings.data.kinds} />
        )}
      </Section>
    </>
  );
}

function CadenceForm({ saved }: { saved: CadenceMonths }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, number | string>>(() => ({ ...saved }));
  const [status, setStatus] = useState('');
  const update = useMutation(
    trpc.reminders.updateCadence.mutationOptions({
      onSuccess: (next) => {
        void queryClient.invalidateQueries();
        setStatus(`Saved: ${TIERS.map((t) => `tier ${t} every ${next[t]} months`).join(', ')}. Every assessed vendor's due date has moved with it.`);
      },
    }),
  );
  const errors = update.error ? tierErrorsOf(errorMessage(update.error)) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    update.mutate(Object.fromEntries(TIERS.map((t) => [t, Number(values[t])])) as CadenceMonths);
  };
  return (
    <form onSubmit={submit} aria-label="Re-assessment cadence" noValidate>
      <Stack gap="sm">
        {update.isError && Object.keys(errors).length === 0 ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
        <Group gap="md" align="flex-start">
          {TIERS.map((t) => (
            <NumberInput
              key={t}
              w={170}
              label={TIER_LABELS[t]}
              description="months"
              min={CADENCE_MIN_MONTHS}
              max={CADENCE_MAX_MONTHS}
              allowDecimal={false}
              value={values[t]}
              onChange={(v) => setValues((old) => ({ ...old, [t]: v }))}
              error={errors[String(t)]}
            />
          ))}
        </Group>
        <Button type="submit" loading={update.isPending} w="fit-content">
          Save cadence
        </Button>
        <Text role="status" size="sm" fw={600}>
          {status}
        </Text>
      </Stack>
    </form>
  );
}

/**
 * The server names the tier at fault as ["1"]: … (tiers are numbered keys,
 * which fieldErrorsOf does not read); each message already names its tier,
 * so it is shown under that tier's field as it is.
 */
function tierErrorsOf(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of message.split('\n')) {
    const match = /^\["(\d)"\]: (.+)$/.exec(line);
    if (match && !fields[match[1]!]) fields[match[1]!] = match[2]!;
  }
  return fields;
}

function ReminderKinds({ saved }: { saved: ReminderSettings }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const update = useMutation(
    trpc.reminders.updateKinds.mutationOptions({
      onSuccess: (next, input) => {
        queryClient.setQueryData(trpc.reminders.settings.queryKey(), (old) => (old ? { ...old, kinds: next } : old));
        const changed = REMINDER_KINDS.find((k) => input[k] !== saved[k]);
        if (changed) setStatus(`Saved: “${KIND_TEXT[changed].label}” reminders are ${next[changed] ? 'on' : 'off'}.`);
      },
    }),
  );
  return (
    <Stack gap="sm">
      {REMINDER_KINDS.map((kind) => (
        <Switch
          key={kind}
          label={KIND_TEXT[kind].label}
          description={KIND_TEXT[kind].description}
          checked={saved[kind]}
          disabled={update.isPending}
          onChange={(event) => {
            setStatus('');
            update.mutate({ ...saved, [kind]: event.currentTarget.checked });
          }}
        />
      ))}
      {update.isError ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
      <Text role="status" size="sm" fw={600}>
        {status}
      </Text>
    </Stack>
  );
}
