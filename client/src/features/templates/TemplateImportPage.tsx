/**
 * Importing a questionnaire template: the file is read in the browser,
 * checked by the server (format told from the content; every problem named
 * by its row or JSON path), previewed question by question, and imported
 * whole as a draft only when it has no problem. Publishing is a separate,
 * deliberate step on the Questionnaires page.
 */
import { Anchor, Button, Grid, Input, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_TEMPLATE_FILE_CHARS } from '#shared/schemas/templates.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { SuccessNote } from '../../components/SuccessNote.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pluralise } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { TemplateOutline } from './components/TemplateOutline.tsx';
import { FORMAT_LABELS } from '../../lib/templateLabels.ts';

interface ChosenFile {
  name: string;
  text: string;
}

export function TemplateImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const check = useMutation(trpc.templates.checkImport.mutationOptions());
  const commit = useMutation(trpc.templates.import.mutationOptions());

  const input = () => ({ content: file!.text, fileName: file!.name, key: key.trim() || undefined });
  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    check.reset();
    commit.reset();
    const chosen = event.currentTarget.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_TEMPLATE_FILE_CHARS) {
      setFile(null);
      return setFileError('The file is larger than 5 MB: import it on the server with "npm run cli -- template import FILE".');
    }
    setFileError(null);
    setFile({ name: chosen.name, text: await chosen.text() });
  };
  const runCheck = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError('Choose a file first.');
    commit.reset();
    check.mutate(input());
  };
  const runImport = () => {
    if (!file) return;
    commit.mutate(input(), {
      onSuccess: () => {
        check.reset();
        void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
      },
    });
  };
  const result = check.data;

  return (
    <Stack gap="lg">
      <title>Import · Questionnaires · Tollgate</title>
      <Anchor component={Link} to="/templates" size="sm" w="fit-content">
        <span aria-hidden="true">← </span>All questionnaires
      </Anchor>
      <Title order={2}>Import a questionnaire template</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <form onSubmit={runCheck} noValidate>
              <Stack gap="md">
                <Input.Wrapper id="template-file" label="Template file" description="A Tollgate template (JSON), a CSV with one row per question, or an OSCAL catalog or profile (JSON); at most 5 MB" error={fileError}>
                  <input id="template-file" type="file" accept=".json,.csv,application/json,text/csv" aria-describedby="template-file-description" onChange={(e) => void chooseFile(e)} style={{ display: 'block', marginTop: 6 }} />
                </Input.Wrapper>
                <TextInput
                  label="Key (OSCAL files only)"
                  description="OSCAL files carry no key: by default it is made from the document's title. Leave empty for other files."
                  value={key}
                  onChange={(e) => { setKey(e.currentTarget.value); check.reset(); }}
                  w={{ base: '100%', xs: 360 }}
                />
                <Button type="submit" loading={check.isPending} w="fit-content">
                  Check and preview
                </Button>
              </Stack>
            </form>
            {check.isError ? <ErrorAlert title="The file could not be checked">{errorMessage(check.error)}</ErrorAlert> : null}
            {commit.isError ? <ErrorAlert title="Nothing was imported">{errorMessage(commit.error)}</ErrorAlert> : null}
            {commit.data ? (
              <SuccessNote>
                Imported {file?.name} as {commit.data.template} version {commit.data.version}, a draft of {pluralise(commit.data.questions, 'question')}.{' '}
                <Anchor component={Link} to="/templates" inherit>
                  Review and publish it on the Questionnaires page
                </Anchor>
              </SuccessNote>
            ) : null}
            {result && !result.ok ? (
              <Section title="Problems in the file" meta={pluralise(result.issues.length, 'problem')}>
                <Text role="status" fw={600}>
                  {file?.name} was not imported{result.format ? ` (read as ${FORMAT_LABELS[result.format]})` : ''}: fix {result.issues.length === 1 ? 'this problem' : 'these problems'} in the file, choose it again and check it.
                </Text>
                <ScrollTable caption="Problems in the file" minWidth={520}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Where</Table.Th>
                      <Table.Th scope="col">Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.issues.map((issue, i) => (
                      <Table.Tr key={i}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{issue.path || 'The whole file'}</Table.Td>
                        <Table.Td>{issue.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </Section>
            ) : null}
            {result?.ok ? (
              <Stack gap="md">
                <Text role="status" fw={600}>
                  {file?.name} is ready ({FORMAT_LABELS[result.format]}): {result.definition.name}, {pluralise(result.definition.questions.length, 'question')} in {pluralise(result.definition.sections.length, 'section')}.{' '}
                  {result.existing
                    ? result.existing.status === 'draft'
                      ? `It replaces the draft version ${result.existing.version} of "${result.definition.key}".`
                      : `It becomes version ${result.existing.version + 1} of "${result.definition.key}", a draft; version ${result.existing.version} stays as it is.`
                    : `It becomes a new template "${result.definition.key}", version 1, a draft.`}
                </Text>
                <Button onClick={runImport} loading={commit.isPending} w="fit-content">
                  Import as a draft
                </Button>
                <TemplateOutline definition={result.definition} />
              </Stack>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="What can be imported">
            <List size="sm" spacing="xs">
              <List.Item>A Tollgate template, as JSON, such as one downloaded from the Questionnaires page.</List.Item>
              <List.Item>A CSV with a template row, a row per section and a row per question: id, type, section, text, and optionally help, options, weight, severity, required, condition.</List.Item>
              <List.Item>An OSCAL catalog (JSON): each control that is not withdrawn becomes a Yes / Partial / No question in its group's section.</List.Item>
              <List.Item>An OSCAL profile (JSON), such as a LOW baseline, once the catalog it selects from has been imported.</List.Item>
            </List>
            <Text size="sm">The whole file is imported, or nothing is. A new file for an existing key makes a new draft version; published versions never change.</Text>
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
