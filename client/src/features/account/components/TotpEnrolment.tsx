/**
 * Connecting an authenticator app: scan the QR code (or type the key), then
 * prove it works with one code. Only then is the app turned on.
 */
import { Box, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import QRCode from 'react-qr-code';
import { TotpCodeInput, useCodeEntry, verifyTotp } from '../../../components/CodeEntry.tsx';
import { StepHeading } from '../../../components/StepHeading.tsx';
import { AuthErrorAlert } from './AuthErrorAlert.tsx';

/** The base32 secret of an otpauth:// URI, for people who type it in instead of scanning. */
export function totpSecretOf(totpURI: string): string {
  try {
    return new URL(totpURI).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

const groupsOfFour = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function TotpEnrolment({ totpURI, onVerified, onCancel }: { totpURI: string; onVerified: () => Promise<void>; onCancel: () => void }) {
  const secret = totpSecretOf(totpURI);
  const { code, setCode, error, busy, submit } = useCodeEntry(verifyTotp, onVerified);

  return (
    <Stack gap="sm">
      <StepHeading order={4} size="h5">Connect your authenticator app</StepHeading>
      <Text size="sm">1. In your authenticator app (for example 1Password, Google Authenticator or Microsoft Authenticator), add an account and scan this code.</Text>
      <Box p="sm" bg="white" w="fit-content" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <QRCode value={totpURI} size={176} level="M" role="img" aria-label="QR code to add Tollgate to your authenticator app" />
      </Box>
      <Text size="sm">Cannot scan it? Choose to enter a setup key in the app, and type this key (time-based, 6 digits):</Text>
      <Group gap="xs">
        <Code fz="md" px="sm" py={4} data-testid="totp-secret">
          {groupsOfFour(secret)}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy} aria-label={copied ? 'Setup key copied' : 'Copy setup key'}>
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">2. Enter the 6-digit code the app now shows for Tollgate.</Text>
      {error ? <AuthErrorAlert error={error} /> : null}
      <form onSubmit={submit} aria-label="Verify your authenticator app">
        <Group gap="sm" align="flex-end">
          <TotpCodeInput value={code} onChange={setCode} />
          <Button type="submit" loading={busy}>
            Verify
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
