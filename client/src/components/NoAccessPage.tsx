import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { STAFF_ROLE_LABELS, type StaffRole } from '#shared/statuses.ts';

/** For a page the person's role does not open: says so, and offers a way on. */
export function NoAccessPage({ role }: { role: StaffRole | null }) {
  return (
    <Stack py="xl">
      <title>No access · Tollgate</title>
      <Title order={2}>You do not have access to this page</Title>
      <Text>
        {role ? `Your role (${STAFF_ROLE_LABELS[role]}) does not include this page.` : 'Your role does not include this page.'} If you need it, ask an
        administrator.
      </Text>
      <Button component={Link} to="/vendors" w="fit-content">
        Go to vendors
      </Button>
    </Stack>
  );
}
