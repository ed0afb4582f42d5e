/** The columns a file of this kind takes, what goes in each, and a template to start from. */
import { Anchor, Badge, Code, Group, Stack, Text } from '@mantine/core';
import { IMPORT_COLUMNS, type ImportKind } from '#shared/schemas/inventory.ts';
import { Section } from '../../../components/Section.tsx';
import { COLUMN_HELP, isRequired, KIND_LABELS, templateCsv } from '../importLabels.ts';

export function ImportFormatHelp({ kind }: { kind: ImportKind }) {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(kind))}`;
  return (
    <Section
      title="File format"
      description={`${KIND_LABELS[kind]}: a CSV file with commas, the first row naming the columns. Columns may come in any order; only the required ones must be there.`}
    >
      <Anchor href={href} download={`tollgate-${kind}-template.csv`} size="sm" w="fit-content">
        Download a template for {KIND_LABELS[kind].toLowerCase()}
      </Anchor>
      <Stack component="dl" gap="xs" m={0}>
        {IMPORT_COLUMNS[kind].map((column) => (
          <div key={column}>
            <Group component="dt" gap="xs">
              <Code fw={700}>{column}</Code>
              {isRequired(kind, column) ? (
                <Badge size="xs" color="indigo.8" variant="outline" radius="sm">
                  Required
                </Badge>
              ) : null}
            </Group>
            <Text component="dd" size="sm" m={0}>
              {COLUMN_HELP[kind][column]}
            </Text>
          </div>
        ))}
      </Stack>
    </Section>
  );
}
