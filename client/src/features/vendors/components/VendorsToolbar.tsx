/** Above the vendor list: adding and importing vendors (for procurement), and exporting the inventory (for everyone). */
import { Button, Group, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useCanManage } from '../../../lib/session.ts';
import { AddVendorButton } from './editors/AddVendorButton.tsx';

const EXPORTS = [
  { href: '/api/export/vendors.csv', label: 'Export CSV', what: 'the vendor list as CSV' },
  { href: '/api/export/vendors.xlsx', label: 'Export Excel', what: 'vendors and data holdings as an Excel workbook' },
  { href: '/api/export/holdings.csv', label: 'Holdings CSV', what: 'every data holding as CSV' },
] as const;

export function VendorsToolbar() {
  const canManage = useCanManage();
  return (
    <Group gap="sm" justify="space-between" className="no-print">
      <Group gap="sm">
        {canManage ? (
          <>
            <AddVendorButton />
            <Button component={Link} to="/vendors/import" variant="default">
              Import
            </Button>
          </>
        ) : null}
      </Group>
      <Group gap="xs" role="group" aria-label="Export the inventory">
        {EXPORTS.map((e) => (
          <Button key={e.href} component="a" href={e.href} download variant="subtle" size="sm" title={`Download ${e.what}`}>
            {e.label}
            <VisuallyHidden>: download {e.what}</VisuallyHidden>
          </Button>
        ))}
      </Group>
    </Group>
  );
}
