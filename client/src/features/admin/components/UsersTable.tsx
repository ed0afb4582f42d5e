/** Everyone with an account: role, whether they can sign in, and which second factors they have. */
import { Badge, Button, Group, Menu, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { StaffRole } from '#shared/statuses.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { ROLE_OPTIONS } from '../adminLabels.ts';
import type { UserAdmin, UserRow } from '../hooks/useUserAdmin.ts';
import { ResetMfaDialog, SetActiveDialog } from './UserDialogs.tsx';

type Dialog = { kind: 'active' | 'mfa'; user: UserRow } | null;

export function UsersTable({ users, admin, myId }: { users: readonly UserRow[]; admin: UserAdmin; myId: string | null }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <>
      <ScrollTable caption="Users" minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>MFA</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {user.name}
                  {user.id === myId ? ' (you)' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role of ${user.name}`}
                  data={ROLE_OPTIONS}
                  value={user.role}
                  allowDeselect={false}
                  disabled={admin.busy}
                  onChange={(value) => value && value !== user.role && void admin.changeRole(user, value as StaffRole)}
                  size="xs"
                  w={190}
                />
              </Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'green.7' : 'gray.6'} variant="dot" c="gray.9">
                  {user.active ? 'Active' : 'Deactivated'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <MfaSummary user={user} />
              </Table.Td>
              <Table.Td>
                <UserMenu user={user} onDialog={setDialog} onNewLink={() => void admin.newSetPasswordLink(user)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {dialog?.kind === 'active' ? (
        <SetActiveDialog user={dialog.user} onClose={() => setDialog(null)} onConfirm={() => admin.setActive(dialog.user, !dialog.user.active)} />
      ) : null}
      {dialog?.kind === 'mfa' ? (
        <ResetMfaDialog user={dialog.user} onClose={() => setDialog(null)} onConfirm={(reason) => admin.resetMfa(dialog.user, reason)} />
      ) : null}
    </>
  );
}

function MfaSummary({ user }: { user: UserRow }) {
  const parts = [user.totp ? 'TOTP' : null, user.passkeys ? `${user.passkeys} ${user.passkeys === 1 ? 'passkey' : 'passkeys'}` : null].filter(Boolean);
  if (!parts.length) return <Text size="sm" c="dimmed">None</Text>;
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

function UserMenu({ user, onDialog, onNewLink }: { user: UserRow; onDialog: (d: Dialog) => void; onNewLink: () => void }) {
  return (
    <Group justify="flex-end">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" aria-label={`Actions for ${user.name}`}>
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onNewLink}>New set-password link</Menu.Item>
          <Menu.Item onClick={() => onDialog({ kind: 'mfa', user })} disabled={!user.totp && !user.passkeys}>
            Reset MFA
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color={user.active ? 'red.8' : undefined} onClick={() => onDialog({ kind: 'active', user })}>
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
