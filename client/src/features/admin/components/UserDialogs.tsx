/** The confirmations an administrator passes before changing someone's access. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { UserRow } from '../hooks/useUserAdmin.ts';

const MIN_REASON = 10;

interface DialogProps {
  user: UserRow;
  onClose: () => void;
}

export function SetActiveDialog({ user, onClose, onConfirm }: DialogProps & { onConfirm: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  const deactivating = user.active;
  return (
    <Modal opened onClose={onClose} title={deactivating ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}>
      <Stack gap="md">
        <Text size="sm">
          {deactivating
            ? 'They are signed out at once and can no longer sign in. Their name stays on the records they made. You can reactivate them later.'
            : 'They can sign in again with their password and second factor.'}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            color={deactivating ? 'red.8' : undefined}
            loading={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm().finally(onClose);
            }}
          >
            {deactivating ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Resetting MFA is what help-desk impersonators ask for: the administrator
 * records how they checked who was asking, and an email tells the person
 * (or waits in the Outbox when no mail server is configured).
 */
export function ResetMfaDialog({ user, onClose, onConfirm }: DialogProps & { onConfirm: (reason: string) => Promise<unknown> }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (tooShort) return;
    setBusy(true);
    void onConfirm(reason.trim()).finally(onClose);
  };

  return (
    <Modal opened onClose={onClose} title={`Reset MFA for ${user.name}?`}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">
            This removes their authenticator app, recovery codes and passkeys, and signs them out. They set up MFA again at their next
            sign-in. Attackers pose as staff to get exactly this: do it only once you have checked who is asking.
          </Text>
          <Textarea
            label="How did you verify who asked?"
            description={`For example: video call, face matched to their staff photo; call-back to the number on file. At least ${MIN_REASON} characters.`}
            required
            withAsterisk={false}
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && tooShort ? `Say how you verified who asked (at least ${MIN_REASON} characters).` : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color="red.8" loading={busy}>
              Reset MFA
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
