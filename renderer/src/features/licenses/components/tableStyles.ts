import type { Theme } from '@mui/material/styles';

/**
 * The table body is plain <tr>/<td>/<span>/<button> markup with these class names, styled by one set
 * of global rules inserted once per mount (see LicenseTable), instead of MUI components: each MUI
 * component re-serialises its styles with emotion on every render, and a search answer renders every
 * visible row anew. The rules reproduce, for the theme in use (light or dark), what the MUI
 * components looked like here: TableRow `hover`, small body TableCell with the table's padding and
 * font size, Link `component="button" underline="hover"`, Typography body2, LinearProgress
 * `determinate`, and Chip `size="small"` (filled, or outlined for the default tone).
 */
export const TABLE_CLASS = 'ld-licenses';
/** The element the table's container queries measure (the box the table fills). */
export const TABLE_CONTAINER = 'ld-licenses-box';
/** Below this width the Mode and Activated columns give their room to the others. */
export const NARROW_BELOW = 1040;

export const CLS = {
  row: 'ld-row',
  cell: 'ld-cell',
  cellRight: 'ld-cell ld-cell-right',
  link: 'ld-link',
  quota: 'ld-quota',
  quotaText: 'ld-quota-text',
  bar: 'ld-bar',
  bar1: 'ld-bar1',
  count: 'ld-count',
  muted: 'ld-muted',
  chip: 'ld-chip',
  chipLabel: 'ld-chip-label',
  /** A column hidden on a narrow list (Column.narrowHidden). */
  narrowHidden: 'ld-narrow-hidden',
  /** Shown only on a narrow list, where the column that carries it is hidden. */
  narrowOnly: 'ld-narrow-only',
  srOnly: 'ld-sr-only',
  /** A cell whose text wraps rather than being cut (Column.wrap). */
  cellWrap: 'ld-cell-wrap',
  /** A second, smaller line under a cell's value. */
  subline: 'ld-subline',
  productShort: 'ld-product-short',
  productFull: 'ld-product-full',
} as const;

/** Countdown colours (classes ld-count-red / ld-count-amber) by palette colour. */
const COUNT_TONES = { red: 'error', amber: 'warning' } as const;

export function tableStyles(theme: Theme) {
  const t = `.${TABLE_CLASS}`;
  const { palette, typography } = theme;
  const light = palette.mode === 'light';
  const barShade = (c: 'success' | 'warning' | 'error') => (light ? theme.lighten(palette[c].main, 0.62) : theme.darken(palette[c].main, 0.5));
  const styles: Record<string, object> = {
    [`${t} .${CLS.row}`]: { color: 'inherit', display: 'table-row', verticalAlign: 'middle', outline: 0, cursor: 'pointer' },
    [`${t} .${CLS.row}:hover`]: { backgroundColor: palette.action.hover },
    [`${t} .ld-cell`]: {
      ...typography.body2,
      display: 'table-cell',
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${light ? theme.lighten(theme.alpha(palette.divider, 1), 0.88) : theme.darken(theme.alpha(palette.divider, 1), 0.68)}`,
      textAlign: 'left',
      padding: '6px 8px',
      color: palette.text.primary,
      whiteSpace: 'nowrap',
      fontSize: '0.8125rem',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    [`${t} .ld-cell-right`]: { textAlign: 'right', flexDirection: 'row-reverse' },
    [`${t} .${CLS.cellWrap}`]: { whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.3 },
    // Keyboard focus in a row (its item link or tick) shows that row's texts whole: the full product
    // name instead of the short one, and nothing cut, since hover titles never show to a keyboard.
    [`${t} .${CLS.row}:focus-within .ld-cell`]: { whiteSpace: 'normal', overflowWrap: 'anywhere', textOverflow: 'clip' },
    [`${t} .${CLS.row}:focus-within .${CLS.productShort}`]: { display: 'none' },
    [`${t} .${CLS.row}:focus-within .${CLS.productFull}`]: { position: 'static', width: 'auto', height: 'auto', overflow: 'visible', clip: 'auto', whiteSpace: 'normal' },
    [`${t} .${CLS.row}:focus-within .${CLS.quotaText}`]: { whiteSpace: 'normal' },
    [`${t} .${CLS.link}`]: {
      font: 'inherit',
      lineHeight: 'inherit',
      letterSpacing: 'inherit',
      color: palette.primary.main,
      textDecoration: 'none',
      position: 'relative',
      WebkitTapHighlightColor: 'transparent',
      backgroundColor: 'transparent',
      outline: 0,
      border: 0,
      margin: 0,
      borderRadius: 0,
      padding: 0,
      cursor: 'pointer',
      userSelect: 'none',
      verticalAlign: 'middle',
      MozAppearance: 'none',
      WebkitAppearance: 'none',
      fontVariantNumeric: 'tabular-nums',
      '&::-moz-focus-inner': { borderStyle: 'none' },
      '&:hover': { textDecoration: 'underline' },
      '&:focus-visible': { outline: 'auto' },
    },
    [`${t} .${CLS.quota}`]: { minWidth: 0 },
    [`${t} .${CLS.quotaText}`]: {
      margin: 0,
      ...typography.body2,
      fontSize: 'inherit',
      fontVariantNumeric: 'tabular-nums',
      lineHeight: 1.3,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    [`${t} .${CLS.bar}`]: {
      position: 'relative',
      overflow: 'hidden',
      display: 'block',
      zIndex: 0,
      height: 4,
      // The QuotaBar's `borderRadius: 2` in sx, which MUI multiplies by the theme's shape radius.
      borderRadius: typeof theme.shape.borderRadius === 'number' ? theme.shape.borderRadius * 2 : theme.shape.borderRadius,
      marginTop: theme.spacing(0.25),
      '@media print': { colorAdjust: 'exact' },
    },
    [`${t} .${CLS.bar1}`]: {
      width: '100%',
      position: 'absolute',
      left: 0,
      bottom: 0,
      top: 0,
      transformOrigin: 'left',
      // No transition (the shared QuotaBar slides): rows are reused by position, so a new answer puts
      // another license's figure in the same bar, and sliding from the last one would be wrong and
      // would keep every row animating, frame after frame, while the user types.
    },
    [`${t} .ld-bar-inherit::before`]: { content: '""', position: 'absolute', left: 0, top: 0, right: 0, bottom: 0, backgroundColor: 'currentColor', opacity: 0.3 },
    [`${t} .ld-bar-inherit > .${CLS.bar1}`]: { backgroundColor: 'currentColor' },
    [`${t} .${CLS.count}`]: { margin: 0, ...typography.body2, fontSize: 'inherit', color: palette.text.primary, fontVariantNumeric: 'tabular-nums' },
    [`${t} .ld-count-strong`]: { fontWeight: 600 },
    // Muted texts ("Starts at activation") wrap rather than being cut.
    [`${t} .${CLS.muted}`]: { margin: 0, ...typography.body2, fontSize: 'inherit', lineHeight: 1.3, color: palette.text.secondary, whiteSpace: 'normal' },
    [`${t} .${CLS.narrowOnly}`]: { display: 'none' },
    [`${t} .${CLS.subline}`]: { ...typography.caption, fontSize: '0.75rem', lineHeight: 1.3, color: palette.text.secondary, fontWeight: 400, fontVariantNumeric: 'tabular-nums' },
    [`${t} .${CLS.srOnly}`]: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
    [`.${TABLE_CONTAINER}`]: { containerType: 'inline-size' },
    [`@container (max-width: ${NARROW_BELOW - 1}px)`]: {
      [`${t} .${CLS.narrowHidden}`]: { display: 'none' },
      [`${t} .${CLS.narrowOnly}`]: { display: 'inline' },
      [`${t} .${CLS.narrowOnly}.${CLS.subline}`]: { display: 'block' },
      // The mode follows the quota figures on a narrow list: a long pair wraps rather than cut its figures.
      [`${t} .${CLS.quotaText}`]: { whiteSpace: 'normal' },
    },
    [`${t} .${CLS.chip}`]: {
      maxWidth: '100%',
      fontFamily: typography.fontFamily,
      fontSize: typography.pxToRem(13),
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      // A chip grows a line rather than cut its text, should a label not fit its column.
      minHeight: 24,
      lineHeight: 1.25,
      textAlign: 'center',
      color: palette.text.primary,
      backgroundColor: palette.action.selected,
      borderRadius: 32 / 2,
      whiteSpace: 'normal',
      // No colour transition: a reused row takes another license's status at once (see the bar above).
      cursor: 'unset',
      outline: 0,
      textDecoration: 'none',
      border: 0,
      padding: 0,
      verticalAlign: 'middle',
      boxSizing: 'border-box',
    },
    [`${t} .${CLS.chipLabel}`]: { paddingLeft: 8, paddingRight: 8, paddingTop: 2, paddingBottom: 2, whiteSpace: 'normal', overflowWrap: 'anywhere' },
    [`${t} .ld-chip-default`]: { backgroundColor: 'transparent', border: `1px solid ${light ? palette.grey[400] : palette.grey[700]}` },
    [`${t} .ld-chip-default > .${CLS.chipLabel}`]: { paddingLeft: 7, paddingRight: 7 },
  };
  for (const c of ['success', 'warning', 'error'] as const) {
    styles[`${t} .ld-bar-${c}`] = { backgroundColor: barShade(c) };
    styles[`${t} .ld-bar-${c} > .${CLS.bar1}`] = { backgroundColor: palette[c].main };
  }
  for (const c of ['success', 'warning', 'error', 'info'] as const) {
    styles[`${t} .ld-chip-${c}`] = { backgroundColor: palette[c].main, color: palette[c].contrastText };
  }
  for (const [tone, c] of Object.entries(COUNT_TONES)) styles[`${t} .ld-count-${tone}`] = { color: palette[c].main };
  return styles;
}
