import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 gives 4.3:1 on white; 8 passes WCAG AA for links and buttons.
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
  components: {
    /** Badges never cut their words: see .tg-badge in global.css. */
    Badge: Badge.extend({ classNames: { root: 'tg-badge', label: 'tg-badge-label' } }),
  },
});

/**
 * Mantine's default dimmed text (gray.6) is 3.3:1 on white; gray.7 passes AA.
 * Its error red (red.6, for field errors and their text) is 3.3:1; red.9 passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
