/**
 * One kind of record the vendor page lists and edits (data held, contacts,
 * sub-processors, integrations): a titled section with its count, the note
 * about the last change, a table (or a sentence when there is none), Edit
 * and Delete on each row, an Add button, the editor and the delete question.
 */
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { pluralise } from '../../../lib/format.ts';
import { DeleteRecordDialog, RowActions, useRecordEditing, type RecordEditing, type RecordEditorProps } from './editors/RecordEditing.tsx';

export interface RecordColumn<T> {
  header: string;
  cell: (record: T) => ReactNode;
  /** Right-aligned, header too, so the figures line up. */
  numeric?: boolean;
  /** Kept on one line: phone numbers, dates. */
  nowrap?: boolean;
}

/** What a kind of record is called, and how its table shows it. */
export interface RecordKind<T> {
  title: string;
  /** One record, in words: "contact" makes "3 contacts", "Add contact" and "Delete contact". */
  noun: string;
  /** Said instead of the table when there is no record. */
  empty: string;
  caption: string;
  minWidth: number;
  /** A sentence about the table, under the title while there is one. */
  tableNote?: string;
  columns: readonly RecordColumn<T>[];
  /** The record's name, in its row buttons' labels and the delete question. */
  nameOf: (record: T) => string;
  /** What deleting one does, in a sentence. */
  deleteNote: string;
}

/** The state of a delete mutation, as the delete question shows it. */
interface DeleteState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

interface RecordSectionProps<T extends { id: number }, Notice> {
  kind: RecordKind<T>;
  records: readonly T[];
  editable: boolean;
  state: RecordEditing<T, Notice>;
  /** The note about the last change; the message as it is by default. */
  renderNotice?: (notice: Notice) => ReactNode;
  /** The form for a new record (null) or for this one. */
  renderEditor: (record: T | null) => ReactNode;
  /**
   * The form opens in the page in place of the Add button, rather than in a
   * dialog; when it closes, focus goes back to that button, not to the page.
   */
  inlineEditor?: boolean;
  remove: DeleteState;
  onDelete: (record: T) => void;
}

export function RecordSection<T extends { id: number }, Notice = string>(props: RecordSectionProps<T, Notice>) {
  const { kind, records, editable, state, renderNotice = String, renderEditor, inlineEditor = false } = props;
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (inlineEditor && wasEditing.current && !state.editing) addButton.current?.focus();
    wasEditing.current = state.editing !== null;
  }, [inlineEditor, state.editing]);
  const deleting = state.deleting;

  return (
    <Section title={kind.title} meta={records.length ? pluralise(records.length, kind.noun) : undefined} description={records.length ? kind.tableNote : undefined}>
      {state.notice !== null ? <SuccessNote onDismiss={state.dismiss}>{renderNotice(state.notice)}</SuccessNote> : null}
      {records.length === 0 ? (
        <Text size="sm">{kind.empty}</Text>
      ) : (
        <ScrollTable caption={kind.caption} minWidth={kind.minWidth}>
          <Table.Thead>
            <Table.Tr>
              {kind.columns.map((column) => (
                <Table.Th key={column.header} ta={column.numeric ? 'right' : undefined}>
                  {column.header}
                </Table.Th>
              ))}
              {editable ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record) => (
              <Table.Tr key={record.id}>
                {kind.columns.map((column) => (
                  <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {column.cell(record)}
                  </Table.Td>
                ))}
                {editable ? (
                  <Table.Td>
                    <RowActions name={kind.nameOf(record)} onEdit={() => state.edit(record)} onDelete={() => state.askDelete(record)} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editable && state.editing ? renderEditor(state.editing === 'new' ? null : state.editing) : null}
      {editable && !(inlineEditor && state.editing) ? (
        <Button ref={addButton} variant="light" w="fit-content" onClick={state.add}>
          {`Add ${kind.noun}`}
        </Button>
      ) : null}
      {deleting ? (
        <DeleteRecordDialog name={kind.nameOf(deleting)} noun={kind.noun} mutation={props.remove} onClose={state.cancelDelete} onConfirm={() => props.onDelete(deleting)}>
          {kind.deleteNote}
        </DeleteRecordDialog>
      ) : null}
    </Section>
  );
}

interface DialogRecordSectionProps<T extends { id: number }> {
  kind: RecordKind<T>;
  vendorId: number;
  records: readonly T[];
  editable: boolean;
  /** The form, in a dialog. */
  Editor: ComponentType<RecordEditorProps<T>>;
  /** The delete mutation, which takes the vendor and the record's id. */
  remove: DeleteState & { mutate: (record: { vendorId: number; id: number }, options: { onSuccess: () => void }) => void };
}

/**
 * A kind of record edited in a dialog, whose changes touch nothing but the
 * record itself (contacts, sub-processors, integrations): "Contact saved.",
 * "Contact deleted.".
 */
export function DialogRecordSection<T extends { id: number }>({ kind, vendorId, records, editable, Editor, remove }: DialogRecordSectionProps<T>) {
  const state = useRecordEditing<T>(vendorId);
  const Noun = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
  return (
    <RecordSection
      kind={kind}
      records={records}
      editable={editable}
      state={state}
      renderEditor={(record) => <Editor vendorId={vendorId} record={record} onClose={state.close} onSaved={() => state.done(`${Noun} saved.`)} />}
      remove={remove}
      onDelete={(record) => remove.mutate({ vendorId, id: record.id }, { onSuccess: () => state.done(`${Noun} deleted.`) })}
    />
  );
}
