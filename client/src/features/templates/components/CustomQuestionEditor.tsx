/**
 * The draft editor's custom part: add a question of any kind (its options
 * with scores, number bands, required, N/A allowed, help, severity, a
 * condition on an earlier question) in an existing or a new section, or
 * remove one. Options, bands and conditions are written as in the CSV
 * format (docs/templates.md section 5) and read by the same parsers. The
 * whole draft is saved and checked by the server's template rules; every
 * problem is listed by its path.
 */
import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { parseBandsCell, parseConditionCell, parseOptionsCell } from '#shared/templates/formats/csvCells.ts';
import { QUESTION_TYPES, type QuestionType, type TemplateDefinition } from '#shared/templates/schema.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorDetails, errorMessage } from '../../../lib/errors.ts';
import { pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';

const KIND_LABELS: Record<Exclude<QuestionType, 'control'>, string> = {
  yes_partial_no: 'Yes / Partial / No',
  single_choice: 'One of several options',
  multiple_choice: 'Any of several options',
  number: 'A number',
  date: 'A date',
  text: 'Free text',
};
const KINDS = QUESTION_TYPES.filter((t): t is Exclude<QuestionType, 'control'> => t !== 'control');
const NEW_SECTION = '__new';

interface Form {
  type: Exclude<QuestionType, 'control'>;
  id: string;
  section: string;
  newSectionId: string;
  newSectionTitle: string;
  newSectionDescription: string;
  text: string;
  title: string;
  help: string;
  required: boolean;
  naAllowed: boolean;
  severity: string;
  critical: boolean;
  weight: string | number;
  options: string;
  bands: string;
  condition: string;
}

const blank = (section: string): Form => ({
  type: 'single_choice',
  id: '',
  section,
  newSectionId: '',
  newSectionTitle: '',
  newSectionDescription: '',
  text: '',
  title: '',
  help: '',
  required: true,
  naAllowed: false,
  severity: 'medium',
  critical: false,
  weight: '',
  options: '',
  bands: '',
  condition: '',
});

/** The question the form describes, as an author writes it in a Tollgate JSON file; or why it cannot be read. */
function questionOf(form: Form): { ok: true; question: Record<string, unknown>; section: string } | { ok: false; message: string } {
  const section = form.section === NEW_SECTION ? form.newSectionId.trim() : form.section;
  const question: Record<string, unknown> = { id: form.id.trim(), type: form.type, section, text: form.text, title: form.title, help: form.help, required: form.required, naAllowed: form.naAllowed };
  const scored = form.type !== 'date' && form.type !== 'text';
  if (scored) {
    question.severity = form.severity;
    question.critical = form.critical;
    if (form.weight !== '') question.weight = Number(form.weight);
  }
  if (form.type === 'single_choice' || form.type === 'multiple_choice') {
    const options = parseOptionsCell(form.options);
    if (!options.ok) return { ok: false, message: options.message };
    question.options = options.value;
  }
  if (form.type === 'number' && form.bands.trim() !== '') {
    const bands = parseBandsCell(form.bands);
    if (!bands.ok) return { ok: false, message: bands.message };
    question.bands = bands.value;
  }
  if (form.condition.trim() !== '') {
    const condition = parseConditionCell(form.condition);
    if (!condition.ok) return { ok: false, message: condition.message };
    question.condition = condition.value;
  }
  return { ok: true, question, section };
}

export function CustomQuestionEditor({ definition }: { definition: TemplateDefinition }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => blank(definition.sections[0]?.id ?? NEW_SECTION));
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(trpc.templates.saveDraft.mutationOptions());
  const set = <K extends keyof Form>(field: K, value: Form[K]) => {
    save.reset();
    setFormError(null);
    setForm((f) => ({ ...f, [field]: value }));
  };
  const custom = definition.questions.filter((q) => q.type !== 'control');
  const issues = save.isError ? (errorDetails<{ issues: { path: string; message: string }[] }>(save.error).issues ?? []) : [];

  const saveDefinition = (next: Record<string, unknown>, after?: () => void) =>
    save.mutate(
      { key: definition.key, definition: next },
      {
        onSuccess: () => {
          after?.();
          void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
        },
      },
    );

  const add = (event: FormEvent) => {
    event.preventDefault();
    const read = questionOf(form);
    if (!read.ok) return setFormError(read.message);
    const sections =
      form.section === NEW_SECTION ? [...definition.sections, { id: read.section, title: form.newSectionTitle, description: form.newSectionDescription }] : definition.sections;
    // Questions are stored in the order the vendor sees them: the new one goes last in its section.
    const order = new Map(sections.map((s, i) => [s.id, i]));
    const questions = [...definition.questions, read.question as (typeof definition.questions)[number]].sort(
      (a, b) => (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0),
    );
    saveDefinition({ ...definition, sections, questions }, () => setForm(blank(read.section)));
  };

  const remove = (id: string) => {
    const questions = definition.questions.filter((q) => q.id !== id);
    saveDefinition({ ...definition, sections: definition.sections.filter((s) => questions.some((q) => q.section === s.id)), questions });
  };

  const scored = form.type !== 'date' && form.type !== 'text';
  return (
    <Section title="Custom questions" meta={pluralise(custom.length, 'custom question')} description="Write questions of your own beside the catalogue's controls. Options, bands and conditions are written as in the CSV format.">
      {custom.length ? (
        <Table>
          <Table.Caption>Custom questions in this draft</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Question</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Section</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {custom.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>
                  {q.id}: {q.title || q.text}
                </Table.Td>
                <Table.Td>{KIND_LABELS[q.type as keyof typeof KIND_LABELS]}</Table.Td>
                <Table.Td>{definition.sections.find((s) => s.id === q.section)?.title ?? q.section}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => remove(q.id)} loading={save.isPending}>
                    Remove<VisuallyHidden> {q.id}</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}

      <form onSubmit={add} noValidate aria-label="Add a custom question">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Select label="Kind" data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} value={form.type} onChange={(v) => v && set('type', v as Form['type'])} allowDeselect={false} />
            <TextInput label="Question id" description="Letters, digits, ., _ or -; conditions and answers use it." value={form.id} onChange={(e) => set('id', e.currentTarget.value)} required />
            <Select
              label="Section"
              data={[...definition.sections.map((s) => ({ value: s.id, label: s.title })), { value: NEW_SECTION, label: 'A new section…' }]}
              value={form.section}
              onChange={(v) => v && set('section', v)}
              allowDeselect={false}
            />
            <TextInput label="Short title" description="For lists and task titles." value={form.title} onChange={(e) => set('title', e.currentTarget.value)} />
          </SimpleGrid>
          {form.section === NEW_SECTION ? (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <TextInput label="New section id" value={form.newSectionId} onChange={(e) => set('newSectionId', e.currentTarget.value)} required />
              <TextInput label="New section title" value={form.newSectionTitle} onChange={(e) => set('newSectionTitle', e.currentTarget.value)} required />
              <TextInput label="New section description" value={form.newSectionDescription} onChange={(e) => set('newSectionDescription', e.currentTarget.value)} />
            </SimpleGrid>
          ) : null}
          <Textarea label="Question, as the vendor reads it" value={form.text} onChange={(e) => set('text', e.currentTarget.value)} autosize minRows={2} required />
          <Textarea label="Help text" value={form.help} onChange={(e) => set('help', e.currentTarget.value)} autosize minRows={1} />
          {form.type === 'single_choice' || form.type === 'multiple_choice' ? (
            <Textarea
              label="Options"
              description='One per line: "id: label = score", the score a credit from 0 to 1.'
              placeholder={'sso-mfa: Single sign-on with phishing-resistant MFA = 1\nlocal: Separate passwords per system = 0'}
              value={form.options}
              onChange={(e) => set('options', e.currentTarget.value)}
              autosize
              minRows={3}
            />
          ) : null}
          {form.type === 'number' ? (
            <Textarea
              label="Score bands"
              description='One per line: "min..max = score", min included, max not; leave a bound out for none. Leave empty (and set weight 0) to record the number only.'
              placeholder={'..1 = 1\n1..30 = 0.5\n30.. = 0'}
              value={form.bands}
              onChange={(e) => set('bands', e.currentTarget.value)}
              autosize
              minRows={3}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {scored ? (
              <>
                <Select label="Severity" description="Sets the weight and the task's deadline." data={['low', 'medium', 'high', 'critical']} value={form.severity} onChange={(v) => v && set('severity', v)} allowDeselect={false} />
                <NumberInput label="Weight" description="Empty: the severity's; 0: asked, not scored." min={0} max={100} value={form.weight} onChange={(v) => set('weight', v)} />
              </>
            ) : null}
            <TextInput label="Condition" description='Shown only when, e.g. "has-integrations = yes, partial".' value={form.condition} onChange={(e) => set('condition', e.currentTarget.value)} />
          </SimpleGrid>
          <Group>
            <Checkbox label="Required" checked={form.required} onChange={(e) => set('required', e.currentTarget.checked)} />
            <Checkbox label="Not applicable allowed" checked={form.naAllowed} onChange={(e) => set('naAllowed', e.currentTarget.checked)} />
            {scored ? <Checkbox label="Critical (failing it caps the grade)" checked={form.critical} onChange={(e) => set('critical', e.currentTarget.checked)} /> : null}
          </Group>
          {formError ? <ErrorAlert title="The question was not added">{formError}</ErrorAlert> : null}
          {save.isError ? (
            <ErrorAlert title="The draft was not saved">
              {errorMessage(save.error)}
              {issues.length ? (
                <ul>
                  {issues.map((issue, i) => (
                    <li key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
                  ))}
                </ul>
              ) : null}
            </ErrorAlert>
          ) : null}
          {save.isSuccess ? <SuccessNote>Draft saved: {pluralise(save.data.questions, 'question')}.</SuccessNote> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Add the question
            </Button>
            <Text size="sm" c="gray.7">
              The outline below shows the draft as saved.
            </Text>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
