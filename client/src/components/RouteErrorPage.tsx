import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page fails to render: says so plainly and offers a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={2}>This page ran into a problem</Title>
        <Text>Nothing you saved was lost. You can reload the page or go back to the vendor list.</Text>
        <Text c="dimmed" size="sm">
          {message}
        </Text>
        <Button component={Link} to="/vendors" w="fit-content">
          Back to vendors
        </Button>
      </Stack>
    </Container>
  );
}
