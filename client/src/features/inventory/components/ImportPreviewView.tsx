/** What the file would do: counts, every problem by row and column, and each row as it was read. */
import { Badge, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { DATA_SUBJECT_LABELS, findDataCategory, SERVICE_TYPE_LABELS } from '#shared/taxonomy.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatExact } from '../../../lib/format.ts';
import type { ImportPreview } from '../importLabels.ts';


export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const facts = [
    ['Rows', counts.rows],
    ['Ready', counts.valid],
    ['New', counts.create],
    ['Updates', counts.update],
    ['Rows with errors', counts.invalid],
    ['Errors', counts.errors],
  ] as const;
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 2, xs: 3, md: 6 }} spacing="sm" m={0} aria-label="Preview counts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" fw={700} tt="uppercase" c="gray.7">
              {label}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg" c={label.includes('rror') && value > 0 ? 'red.9' : undefined}>
              {formatExact(value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {preview.errors.length ? <ErrorsTable preview={preview} /> : null}
      <RowsTable preview={preview} />
    </Stack>
  );
}

function ErrorsTable({ preview }: { preview: ImportPreview }) {
  return (
    <Section title="Problems to fix" meta={`${formatExact(preview.counts.errors)}${preview.errorsTruncated ? ', the first 1,000 shown' : ''}`} description="Row numbers are as a spreadsheet shows them: the header is row 1.">
      <ScrollTable caption="Problems in the file, by row and column" minWidth={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.errors.map((e, index) => (
            <Table.Tr key={`${e.row}-${e.column ?? ''}-${index}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column ? <Code>{e.column}</Code> : 'Whole row'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Section>
  );
}

function RowsTable({ preview }: { preview: ImportPreview }) {
  const vendors = preview.kind === 'vendors';
  // The server sends the first rows only; the counts cover the whole file.
  const rows = preview.rows;
  const headers = vendors ? ['Name', 'Services', 'Criticality', 'Access'] : ['Vendor', 'Category', 'About whom', 'Records', 'Needed'];
  return (
    <Section title="Rows as read" meta={preview.counts.rows > rows.length ? `first ${formatExact(rows.length)} of ${formatExact(preview.counts.rows)}` : undefined}>
      {rows.length === 0 ? (
        <Text size="sm">The file has no data rows.</Text>
      ) : (
        <ScrollTable caption="Rows of the file" minWidth={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Result</Table.Th>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <ResultBadge result={r.valid ? r.action : 'error'} />
                </Table.Td>
                {cellsOf(vendors, r).map((cell, i) => (
                  <Table.Td key={headers[i]}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}

type Row = ImportPreview['rows'][number];

/** The row's values as the server read them, or its raw cells when it could not. */
function cellsOf(vendors: boolean, r: Row): string[] {
  if (!r.valid) {
    const c = r.cells;
    const columns = vendors ? ['name', 'services', 'criticality', 'access_level'] : ['vendor', 'category', 'subjects', 'records', 'needed'];
    return columns.map((column) => c[column] ?? '');
  }
  const v = r.values;
  if ('vendorId' in v) {
    return [v.vendor, findDataCategory(v.category)?.label ?? v.category, DATA_SUBJECT_LABELS[v.subjects], formatExact(v.records), v.needed ? 'Yes' : 'No (excess)'];
  }
  return [v.name, v.services.map((s) => SERVICE_TYPE_LABELS[s]).join(', ') || '-', String(v.criticality), v.accessLevel];
}

function ResultBadge({ result }: { result: 'create' | 'update' | 'error' }) {
  const look = { create: ['teal.9', 'New'], update: ['indigo.8', 'Update'], error: ['red.9', 'Has errors'] } as const;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={look[result][0]} variant="filled" autoContrast radius="sm">
        {look[result][1]}
      </Badge>
    </Group>
  );
}
