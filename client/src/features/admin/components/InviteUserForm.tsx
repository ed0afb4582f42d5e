/** Invites a colleague: the account is created now, and they choose their own password through a one-time link. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import type { StaffRole } from '#shared/statuses.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';
import { ROLE_OPTIONS } from '../adminLabels.ts';

export function InviteUserForm({ onInvited }: { onInvited: (invited: { email: string; setPasswordUrl: string; delivery: EmailDelivery }) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('procurement');
  const queryClient = useQueryClient();
  const invite = useMutation(
    trpc.users.invite.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), name: name.trim(), role },
      {
        onSuccess: (result) => {
          onInvited({ email: email.trim(), setPasswordUrl: result.setPasswordUrl, delivery: result.email });
          setEmail('');
          setName('');
          setRole('procurement');
        },
      },
    );
  };

  return (
    <Section title="Invite a user" description="They get a link to set their password. Administrators must also set up multi-factor authentication.">
      {invite.isError ? <ErrorAlert>{errorMessage(invite.error)}</ErrorAlert> : null}
      <form onSubmit={submit} aria-label="Invite a user">
        <Group gap="sm" align="flex-end">
          <TextInput label="Email" type="email" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
          <TextInput label="Name" required withAsterisk={false} value={name} onChange={(e) => setName(e.currentTarget.value)} w={{ base: '100%', sm: 220 }} />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => value && setRole(value as StaffRole)}
            allowDeselect={false}
            w={{ base: '100%', sm: 220 }}
          />
          <Button type="submit" loading={invite.isPending}>
            Invite user
          </Button>
        </Group>
      </form>
    </Section>
  );
}
