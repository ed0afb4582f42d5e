import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function VendorNotFound({ detail }: { detail?: string }) {
  return (
    <Stack py="xl" gap="sm">
      <title>Vendor not found · Tollgate</title>
      <Title order={2}>This vendor was not found</Title>
      <Text>{detail ?? 'It may have been removed, or the address may be mistyped.'}</Text>
      <Button component={Link} to="/vendors" w="fit-content">
        Back to vendors
      </Button>
    </Stack>
  );
}
