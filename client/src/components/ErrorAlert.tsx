/** A failed action's message, announced to screen readers as it appears; a message of several lines keeps them. */
import { Alert, type AlertProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function ErrorAlert({ children, title, ...props }: { children: ReactNode; title?: string } & Omit<AlertProps, 'children' | 'title'>) {
  return (
    <Alert color="red" variant="light" role="alert" title={title} style={{ whiteSpace: 'pre-line' }} {...props}>
      {children}
    </Alert>
  );
}
