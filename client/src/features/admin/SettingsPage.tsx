/**
 * Organisation-wide settings: who vendors read is asking them, and security
 * (administrators always need MFA; a switch extends it to everyone).
 */
import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { ReminderSettingsSection } from './components/ReminderSettingsSection.tsx';
import { OrganisationSection } from './components/OrganisationSection.tsx';
import { SlaSection } from './components/SlaSection.tsx';

export function SettingsPage() {
  const settings = useQuery(trpc.settings.security.queryOptions());
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState('');
  const update = useMutation(
    trpc.settings.updateSecurity.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.settings.security.queryKey(), next);
        setSaved(next.requireMfaForAll ? 'Saved: everyone must now use multi-factor authentication.' : 'Saved: only administrators must use multi-factor authentication.');
      },
    }),
  );

  return (
    <Stack gap="md" maw={720}>
      <title>Settings · Tollgate</title>
      <Title order={2}>Settings</Title>
      <OrganisationSection />
      <SlaSection />
      <ReminderSettingsSection />
      <Title order={3} size="h4">
        Security
      </Title>
      {settings.isPending ? (
        <LoadingState label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} title="The settings could not be loaded" onRetry={() => void settings.refetch()} />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Switch
              label="Require multi-factor authentication for everyone"
              description="Administrators always need it. When on, everyone else must also set up an authenticator app or a passkey, and is asked to at their next page load."
              checked={update.isPending ? !settings.data.requireMfaForAll : settings.data.requireMfaForAll}
              disabled={update.isPending}
              onChange={(event) => {
                setSaved('');
                update.mutate({ requireMfaForAll: event.currentTarget.checked });
              }}
            />
            <Text role="status" size="sm" fw={600}>
              {saved}
            </Text>
            {update.isError ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
