/**
 * Page numbers under a long list, as a named navigation landmark whose
 * buttons say which page they open. Nothing is shown for a single page.
 */
import { Box, Pagination } from '@mantine/core';

interface PageNavProps {
  /** Names the landmark: "Vendor list pages". */
  label: string;
  pages: number;
  page: number;
  onChange: (page: number) => void;
}

export function PageNav({ label, pages, page, onChange }: PageNavProps) {
  if (pages <= 1) return null;
  return (
    <Box component="nav" aria-label={label}>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        withEdges
        getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
        getControlProps={(control) => ({ 'aria-label': `${control[0]!.toUpperCase()}${control.slice(1)} page` })}
      />
    </Box>
  );
}
