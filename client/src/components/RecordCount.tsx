/** A short record count ("5.7 M") that gives the exact number on hover and to screen readers. */
import { VisuallyHidden } from '@mantine/core';
import { formatExact, formatRecords } from '../lib/format.ts';

export function RecordCount({ records, suffix = '' }: { records: number; suffix?: string }) {
  const exact = `${formatExact(records)} records`;
  return (
    <span title={exact}>
      <span aria-hidden="true">
        {formatRecords(records)}
        {suffix}
      </span>
      <VisuallyHidden>{exact}</VisuallyHidden>
    </span>
  );
}
