/** The app shell: header, navigation and the page, with a skip link for keyboard users. */
import { AppShell, Burger, Button, Group, NavLink as MantineNavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { STAFF_ROLE_LABELS } from '#shared/statuses.ts';
import { LazyPage } from '../components/LazyPage.tsx';
import { hasRole, owesMfa, useMe, useSignOut, type Me } from '../lib/session.ts';
import { AttentionCount } from '../features/attention/AttentionCount.tsx';
import { ATTENTION_PATH, MFA_SETUP_PATH, NAV_ITEMS } from './access.ts';

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe().data ?? null;
  // Until a second factor is used, only the page to set one up is open.
  const items = NAV_ITEMS.filter((item) => hasRole(me, item.roles) && (!owesMfa(me) || item.to === MFA_SETUP_PATH));
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
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Title order={1} size="h3">
                Tollgate
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="md">
                Third-party risk
              </Text>
            </Group>
            {me ? <AccountMenu me={me} /> : null}
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" className="no-print" aria-label="Main navigation" component="nav">
          {items.map((item) => (
            <MantineNavLink key={item.to} component={NavLink} to={item.to} label={item.label} onClick={close} rightSection={item.to === ATTENTION_PATH ? <AttentionCount /> : undefined} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <LazyPage>
            <Outlet />
          </LazyPage>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/** Who is signed in, and the way out. */
function AccountMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  const [leaving, setLeaving] = useState(false);
  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} align="flex-end" visibleFrom="xs">
        <Text size="sm" fw={600} lh={1.2}>
          {me.user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {STAFF_ROLE_LABELS[me.user.role]}
        </Text>
      </Stack>
      <Button
        variant="default"
        size="xs"
        loading={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut().finally(() => setLeaving(false));
        }}
      >
        Sign out
      </Button>
    </Group>
  );
}
