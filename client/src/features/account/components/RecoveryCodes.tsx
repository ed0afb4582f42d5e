/** The recovery codes, shown once, with a way to copy them and a plain warning to keep them safe. */
import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { StepHeading } from '../../../components/StepHeading.tsx';

export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <StepHeading order={4} size="h5">Your recovery codes</StepHeading>
      <Alert color="blue" variant="light" role="status" title="Store these codes safely now">
        Each code signs you in once if you lose your authenticator app. Keep them in a password manager or somewhere only you can reach.
        They are shown only this once; any earlier codes no longer work.
      </Alert>
      <List aria-label="Recovery codes" listStyleType="none" spacing={4} ff="monospace" fz="md" withPadding={false}>
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} aria-live="polite">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>I have stored them</Button>
      </Group>
      <Text size="xs" c="dimmed">
        You can create new codes at any time; doing so cancels these.
      </Text>
    </Stack>
  );
}
