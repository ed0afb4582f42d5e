/** "Download CSV" for one chart's or table's numbers, built in the browser. */
import { Button } from '@mantine/core';
import { csvFilename, toCsv, type CsvRow } from '../csv.ts';
import { downloadText } from '../../../lib/download.ts';

interface CsvButtonProps {
  /** Names the file and the button for screen readers: "top risks". */
  name: string;
  columns: readonly string[];
  rows: () => readonly CsvRow[];
}

export function CsvButton({ name, columns, rows }: CsvButtonProps) {
  return (
    <Button
      variant="default"
      size="xs"
      aria-label={`Download CSV: ${name}`}
      onClick={() => downloadText(csvFilename(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')), toCsv(columns, rows()))}
    >
      Download CSV
    </Button>
  );
}
