/** "Download CSV" for one chart's or table's numbers, built in the browser. */
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CsvRow } from '../../../lib/csv.ts';
import { downloadText } from '../../../lib/download.ts';

interface CsvButtonProps {
  /** Names the file and the button for screen readers: "top risks". */
  name: string;
  columns: readonly string[];
  rows: () => readonly CsvRow[];
}

export function CsvButton({ name, columns, rows }: CsvButtonProps) {
  const [preparing, setPreparing] = useState(false);
  const [failed, setFailed] = useState(false);

  async function download() {
    // The rows as shown at the click, before anything can refresh them.
    const shown = rows();
    setPreparing(true);
    setFailed(false);
    try {
      // The CSV writer (papaparse) loads on the first download, not with the dashboard:
      // most visits never download, and the dashboard has a JavaScript budget (issue 16).
      const { csvFilename, toCsv } = await import('../../../lib/csv.ts');
      downloadText(csvFilename(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')), toCsv(columns, shown));
    } catch {
      setFailed(true);
    } finally {
      setPreparing(false);
    }
  }

  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" size="xs" aria-label={`Download CSV: ${name}`} loading={preparing} onClick={() => void download()}>
        Download CSV
      </Button>
      {failed ? (
        <Text size="xs" c="red.8" role="alert" ta="right" maw={220}>
          The download could not start. Check the connection and try again.
        </Text>
      ) : null}
    </Stack>
  );
}
