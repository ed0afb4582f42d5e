/** A Mantine colour name ("red.9") as the CSS variable Mantine defines for it, for charts drawn in SVG. */
export function cssColor(mantineColor: string): string {
  return `var(--mantine-color-${mantineColor.replace('.', '-')})`;
}
