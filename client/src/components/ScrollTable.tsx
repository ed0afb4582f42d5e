/**
 * A table that scrolls sideways on narrow screens instead of squeezing its
 * columns. The scroll area can take focus so keyboard users can scroll it,
 * and the caption names the table for screen readers. The scroll area is named
 * apart from the section around it, as two landmarks with one name confuse.
 */
import { Table, VisuallyHidden, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps extends TableProps {
  caption: string;
  /** Show the caption; by default only screen readers get it, as the section heading already says it. */
  showCaption?: boolean;
  minWidth: number;
  children: ReactNode;
}

export function ScrollTable({ caption, showCaption = false, minWidth, children, ...props }: ScrollTableProps) {
  return (
    // position: relative keeps visually hidden (absolutely placed) text inside the scroll area instead of widening the page.
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={`${caption} table`}
      pos="relative"
    >
      <Table verticalSpacing="xs" highlightOnHover captionSide="top" {...props}>
        {showCaption ? <Table.Caption>{caption}</Table.Caption> : <caption className={VisuallyHidden.classes.root}>{caption}</caption>}
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
