/** The frame of the pages open to everyone (sign-in, first set-up, set-password): the name, and one narrow column. */
import { Box, Container, Group, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { LazyPage } from '../components/LazyPage.tsx';

export function PublicLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Title order={1} size="h3">
            Tollgate
          </Title>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={440} py="xl">
        <LazyPage>
          <Outlet />
        </LazyPage>
      </Container>
    </>
  );
}
