import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack py="xl">
      <Title order={2}>Page not found</Title>
      <Text>There is nothing at this address.</Text>
      <Button component={Link} to="/vendors" w="fit-content">
        Go to vendors
      </Button>
    </Stack>
  );
}
