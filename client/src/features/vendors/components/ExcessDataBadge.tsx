import { Badge, type BadgeProps } from '@mantine/core';

/**
 * Data held but not needed for the service: the first thing to delete (GDPR Art 5(1)(c)).
 * Dark text on an orange outline, as orange text on white is below 4.5:1 contrast.
 */
export function ExcessDataBadge(props: Omit<BadgeProps, 'children'>) {
  return (
    <Badge color="orange.9" c="gray.9" variant="outline" radius="sm" title="Held but not needed for the service" {...props}>
      Excess data
    </Badge>
  );
}
