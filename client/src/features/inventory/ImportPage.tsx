/**
 * Importing vendors or data holdings from a CSV file: the file is read in
 * the browser, previewed by the server (every problem by row and column),
 * and imported whole only when it has no errors.
 */
import { Anchor, Button, Grid, Group, Input, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, type ImportKind } from '#shared/schemas/inventory.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SuccessNote } from '../../components/SuccessNote.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatExact } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { ImportFormatHelp } from './components/ImportFormatHelp.tsx';
import { ImportPreviewView } from './components/ImportPreviewView.tsx';
import { KIND_LABELS, type ImportResult } from './importLabels.ts';

interface ChosenFile {
  name: string;
  text: string;
}

export function ImportPage() {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('vendors');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const preview = useMutation(trpc.vendors.previewImport.mutationOptions());
  const commit = useMutation(trpc.vendors.commitImport.mutationOptions());

  const startOver = () => {
    preview.reset();
    commit.reset();
  };
  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    startOver();
    setDone(null);
    const chosen = event.currentTarget.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_CHARS) {
      setFile(null);
      return setFileError('The file is larger than 5 MB: split it into smaller files.');
    }
    setFileError(null);
    setFile({ name: chosen.name, text: await chosen.text() });
  };
  const runPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError('Choose a CSV file first.');
    setDone(null);
    commit.reset();
    preview.mutate({ kind, csv: file.text });
  };
  const runImport = () => {
    if (!file) return;
    commit.mutate(
      { kind, csv: file.text },
      {
        onSuccess: (result) => {
          setDone(result);
          preview.reset();
          void queryClient.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
        },
      },
    );
  };
  const ready = preview.data && preview.data.kind === kind && preview.data.counts.errors === 0 && preview.data.counts.valid > 0;

  return (
    <Stack gap="lg">
      <title>Import · Vendors · Tollgate</title>
      <Anchor component={Link} to="/vendors" size="sm" w="fit-content">
        <span aria-hidden="true">← </span>All vendors
      </Anchor>
      <Title order={2}>Import vendors or data holdings</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <form onSubmit={runPreview} noValidate>
              <Stack gap="md">
                <Radio.Group label="What does the file hold?" value={kind} onChange={(value) => { setKind(value as ImportKind); startOver(); setDone(null); }}>
                  <Group gap="lg" mt="xs">
                    {(['vendors', 'holdings'] as const).map((k) => (
                      <Radio key={k} value={k} label={KIND_LABELS[k]} />
                    ))}
                  </Group>
                </Radio.Group>
                <Input.Wrapper id="import-file" label="CSV file" description={`Saved from a spreadsheet as CSV (comma separated), at most 5 MB and ${formatExact(MAX_IMPORT_ROWS)} rows; split a longer list into several files`} error={fileError}>
                  <input id="import-file" type="file" accept=".csv,text/csv" aria-describedby="import-file-description" onChange={(e) => void chooseFile(e)} style={{ display: 'block', marginTop: 6 }} />
                </Input.Wrapper>
                <Button type="submit" loading={preview.isPending} w="fit-content" variant={ready ? 'default' : 'filled'}>
                  Preview
                </Button>
              </Stack>
            </form>
            {preview.isError ? <ErrorAlert title="The file could not be checked">{errorMessage(preview.error)}</ErrorAlert> : null}
            {done ? (
              <SuccessNote>
                Imported {formatExact(done.counts.rows)} {done.counts.rows === 1 ? 'row' : 'rows'}: {done.counts.created} new, {done.counts.updated} updated.{' '}
                <Anchor component={Link} to={done.vendorIds.length === 1 ? `/vendors/${done.vendorIds[0]}` : '/vendors'} inherit>
                  {done.vendorIds.length === 1 ? 'Open the vendor' : 'See the vendor list'}
                </Anchor>
              </SuccessNote>
            ) : null}
            {preview.data && preview.data.kind === kind ? (
              <Stack gap="md">
                <Text role="status" fw={600}>
                  {preview.data.counts.errors > 0
                    ? `${file?.name ?? 'The file'} has ${formatExact(preview.data.counts.errors)} ${preview.data.counts.errors === 1 ? 'problem' : 'problems'}: fix ${preview.data.counts.errors === 1 ? 'it' : 'them'} in the file, choose it again and preview.`
                    : `${file?.name ?? 'The file'} is ready: ${formatExact(preview.data.counts.valid)} rows can be imported.`}
                </Text>
                {commit.isError ? <ErrorAlert title="Nothing was imported">{errorMessage(commit.error)}</ErrorAlert> : null}
                {ready ? (
                  <Button onClick={runImport} loading={commit.isPending} w="fit-content">
                    Import {formatExact(preview.data.counts.valid)} {preview.data.counts.valid === 1 ? 'row' : 'rows'}
                  </Button>
                ) : null}
                <ImportPreviewView preview={preview.data} />
              </Stack>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ImportFormatHelp kind={kind} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
