/** Passkeys: a phishing-resistant way to sign in, held by the device or a password manager. */
import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Section } from '../../../components/Section.tsx';
import { authClient, callAuth, type AuthError } from '../../../lib/authClient.ts';
import { formatDate } from '../../../lib/format.ts';
import type { RouterOutputs } from '../../../lib/trpc.ts';
import { AuthErrorAlert } from './AuthErrorAlert.tsx';

type Passkey = RouterOutputs['account']['security']['passkeys'][number];

const passkeyLabel = (passkey: Passkey) => passkey.name || 'Unnamed passkey';

interface PasskeysSectionProps {
  passkeys: readonly Passkey[];
  /** This sign-in may not change sign-in methods (password only, on an account with a factor): no actions offered. */
  locked: boolean;
  onChanged: () => Promise<void>;
}

export function PasskeysSection({ passkeys, locked, onChanged }: PasskeysSectionProps) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AuthError | null>(null);
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState<Passkey | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    const result = await callAuth(() => authClient.passkey.addPasskey({ name: name.trim() || undefined }));
    setBusy(false);
    if (result.error) {
      setError(result.error);
      return;
    }
    setName('');
    await onChanged();
    setDone('Passkey added. You can now sign in with it.');
  };

  const remove = async (passkey: Passkey) => {
    setError(null);
    setDone('');
    const result = await callAuth(() => authClient.passkey.deletePasskey({ id: passkey.id }));
    setRemoving(null);
    if (result.error) {
      setError(result.error);
      return;
    }
    await onChanged();
    setDone(`The passkey "${passkeyLabel(passkey)}" was removed.`);
  };

  return (
    <Section
      title="Passkeys"
      meta={passkeys.length ? `${passkeys.length}` : undefined}
      description="Sign in with your fingerprint, face, device PIN or a security key instead of a password. Passkeys cannot be phished."
    >
      {passkeys.length ? (
        <List aria-label="Your passkeys" listStyleType="none" spacing="xs" withPadding={false}>
          {passkeys.map((passkey) => (
            <List.Item key={passkey.id}>
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600} size="sm">
                    {passkeyLabel(passkey)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Added {formatDate(passkey.createdAt)} · {passkey.deviceType === 'multiDevice' ? 'synced across your devices' : 'kept on one device'}
                  </Text>
                </div>
                {locked ? null : (
                  <Button size="xs" variant="outline" color="red.8" onClick={() => setRemoving(passkey)} aria-label={`Remove passkey ${passkeyLabel(passkey)}`}>
                    Remove
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">You have no passkeys yet.</Text>
      )}
      <Text role="status" size="sm" fw={600}>
        {done}
      </Text>
      {error ? <AuthErrorAlert error={error} /> : null}
      {locked ? null : (
        <form onSubmit={(event) => void add(event)} aria-label="Add a passkey">
          <Group gap="sm" align="flex-end">
            <TextInput
              label="Passkey name"
              description="For example, Work laptop."
              value={name}
              maxLength={60}
              onChange={(event) => setName(event.currentTarget.value)}
              w={{ base: '100%', xs: 280 }}
            />
            <Button type="submit" loading={busy}>
              Add a passkey
            </Button>
          </Group>
        </form>
      )}
      <RemovePasskeyModal passkey={removing} onCancel={() => setRemoving(null)} onConfirm={remove} />
    </Section>
  );
}

function RemovePasskeyModal({ passkey, onCancel, onConfirm }: { passkey: Passkey | null; onCancel: () => void; onConfirm: (p: Passkey) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={passkey !== null} onClose={onCancel} title="Remove this passkey?">
      <Stack gap="md">
        <Text size="sm">You will no longer be able to sign in with &ldquo;{passkey ? passkeyLabel(passkey) : ''}&rdquo;.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button
            color="red.8"
            loading={busy}
            onClick={() => {
              if (!passkey) return;
              setBusy(true);
              void onConfirm(passkey).finally(() => setBusy(false));
            }}
          >
            Remove passkey
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
