/** Who the vendor is and what it does for us. */
import { Anchor, Badge, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { ACCESS_LEVEL_LABELS } from '#shared/taxonomy.ts';
import { FactList, type Fact } from '../../../components/FactList.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { VendorDetail } from '../types.ts';
import { CRITICALITY_WORDS, safeWebsite, serviceLabels } from '../vendorLabels.ts';

export function VendorHeader({ vendor }: { vendor: VendorDetail['vendor'] }) {
  const website = safeWebsite(vendor.website);
  const facts: Fact[] = [
    { label: 'Services', value: vendor.services.length ? serviceLabels(vendor.services) : 'Not recorded' },
    { label: 'Business owner', value: vendor.businessOwner ?? 'Not recorded' },
    { label: 'Contract', value: contractText(vendor.contractStart, vendor.contractEnd) },
    {
      label: 'Business criticality',
      value: `${vendor.criticality} of 5 (${CRITICALITY_WORDS[vendor.criticality] ?? 'unknown'})`,
    },
    {
      label: 'Access to our systems',
      value:
        vendor.effectiveAccess === vendor.accessLevel
          ? ACCESS_LEVEL_LABELS[vendor.accessLevel]
          : `${ACCESS_LEVEL_LABELS[vendor.effectiveAccess]}, through an integration (profile: ${ACCESS_LEVEL_LABELS[vendor.accessLevel].toLowerCase()})`,
    },
  ];
  return (
    <Stack gap="xs">
      <Group gap="sm" align="center">
        <Title order={2}>{vendor.name}</Title>
        {vendor.status === 'archived' ? (
          <Badge color="gray.8" variant="outline" radius="sm">
            Archived
          </Badge>
        ) : null}
      </Group>
      {website ? (
        <Anchor href={website} target="_blank" rel="noopener noreferrer" size="sm" w="fit-content">
          {vendor.website}
          <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
        </Anchor>
      ) : vendor.website ? (
        <Text size="sm">{vendor.website}</Text>
      ) : null}
      {vendor.serviceDescription ? <Text maw={720}>{vendor.serviceDescription}</Text> : null}
      <FactList facts={facts} />
    </Stack>
  );
}

function contractText(start: string | null, end: string | null): string {
  if (!start && !end) return 'Not recorded';
  return `${start ? formatDate(start) : 'Start not recorded'} to ${end ? formatDate(end) : 'no end date'}`;
}
