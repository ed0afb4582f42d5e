/** The app shell: header, navigation and the page, with a skip link for keyboard users. */
import { AppShell, Burger, Group, NavLink as MantineNavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink, Outlet } from 'react-router';

const NAV_ITEMS = [{ to: '/vendors', label: 'Vendors' }] as const;

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header className="no-print">
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Title order={1} size="h3">
                Tollgate
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="sm">
                Third-party risk
              </Text>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" className="no-print" aria-label="Main navigation" component="nav">
          {NAV_ITEMS.map((item) => (
            <MantineNavLink
              key={item.to}
              component={NavLink}
              to={item.to}
              label={item.label}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
