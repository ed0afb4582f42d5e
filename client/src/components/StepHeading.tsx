/**
 * The heading of a step that replaces the one before (a second sign-in
 * step, the next stage of a set-up): it takes focus when it appears, so
 * keyboard and screen-reader users land on the new step, not on nothing.
 */
import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';

export function StepHeading({ children, order = 3, ...props }: TitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Title ref={ref} order={order} tabIndex={-1} style={{ outlineOffset: 4 }} {...props}>
      {children}
    </Title>
  );
}
