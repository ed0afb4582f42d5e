/** Pieces the vendor page's record sections and their editors share: state, row buttons, a form dialog and a delete confirmation. */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { useRefreshVendor } from '../../hooks/useRefreshVendor.ts';

/**
 * Which record is open in the editor ('new' to add one), which is being
 * deleted, and the note about the last change. A change refetches the
 * vendor, whose page shows the records and the risk they make.
 */
export function useRecordEditing<T, Notice = string>(vendorId: number) {
  const refresh = useRefreshVendor(vendorId);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  return {
    editing,
    deleting,
    notice,
    add: () => setEditing('new'),
    edit: (record: T) => setEditing(record),
    askDelete: (record: T) => setDeleting(record),
    /** Leaves an editor open in the page as it was. */
    cancelDelete: () => setDeleting(null),
    close: () => {
      setEditing(null);
      setDeleting(null);
    },
    done: (message: Notice) => {
      void refresh();
      setEditing(null);
      setDeleting(null);
      setNotice(message);
    },
    dismiss: () => setNotice(null),
  };
}

export type RecordEditing<T, Notice = string> = ReturnType<typeof useRecordEditing<T, Notice>>;

/** What a record's form is given: the record to change, or null to add one. */
export interface RecordEditorProps<T> {
  vendorId: number;
  record: T | null;
  onSaved: () => void;
  onClose: () => void;
}

export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </Button>
      <Button size="compact-sm" variant="outline" color="red.9" aria-label={`Delete ${name}`} onClick={onDelete}>
        Delete
      </Button>
    </Group>
  );
}

interface FormDialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function FormDialog({ title, submitLabel, busy, error, onSubmit, onClose, children }: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error ? <ErrorAlert title="Not saved">{errorMessage(error)}</ErrorAlert> : null}
          {children}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface DeleteRecordDialogProps {
  /** The record's name, in the title. */
  name: string;
  /** What the record is, in the button: "contact", "integration". */
  noun: string;
  /** The delete mutation, for its pending and error states. */
  mutation: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  onConfirm: () => void;
  onClose: () => void;
  /** What deleting does, in a sentence. */
  children: ReactNode;
}

export function DeleteRecordDialog({ name, noun, mutation, onConfirm, onClose, children }: DeleteRecordDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel={`Delete ${noun}`}
      danger
      busy={mutation.isPending}
      error={mutation.isError ? errorMessage(mutation.error) : null}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
      onConfirm={onConfirm}
    >
      {children}
    </ConfirmDialog>
  );
}
