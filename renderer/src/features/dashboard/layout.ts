// A status card needs about 190 px for "3 Not activated" and its hint; the drawer and page padding
// take about 270 px. Media queries on the viewport, because MUI's breakpoints do not know the drawer.
const FOUR_ACROSS = '@media (min-width: 1000px)';
const EIGHT_ACROSS = '@media (min-width: 1880px)';

/** The status-card grid, shared with the loading skeleton so the page does not jump. */
export const CARD_GRID = {
  display: 'grid',
  gap: 1.5,
  gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
  [FOUR_ACROSS]: { gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' },
  [EIGHT_ACROSS]: { gridTemplateColumns: 'repeat(8, minmax(0, 1fr))' },
} as const;
