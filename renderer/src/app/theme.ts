import { createTheme, type Theme } from '@mui/material/styles';

/** A ring that shows on keyboard focus only, in either scheme (a tint alone is easy to miss). */
const focusRing = ({ theme }: { theme: Theme }) => ({
  '&.Mui-focusVisible, &:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2, borderRadius: 4 },
});

/**
 * One theme; MUI's colour schemes follow the OS light/dark setting. Text on a coloured fill is chosen
 * for WCAG AA (4.5:1, contrastThreshold), so a red chip in dark mode carries dark text; the light
 * scheme's amber is darkened so amber text on white and white on amber both reach 4.5:1.
 */
export const theme = createTheme({
  colorSchemes: {
    // Red and amber text must also read on a selected row's tint (#edf2fa light, #262f37 dark).
    light: { palette: { primary: { main: '#1f5fbf' }, error: { main: '#c62828' }, warning: { main: '#a85400' }, contrastThreshold: 4.5 } },
    dark: { palette: { error: { main: '#ff6659' }, contrastThreshold: 4.5 } },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTableCell: { styleOverrides: { root: { whiteSpace: 'nowrap' } } },
    MuiTableSortLabel: { styleOverrides: { root: focusRing } },
    MuiCardActionArea: { styleOverrides: { root: focusRing } },
    MuiListItemButton: { styleOverrides: { root: ({ theme }) => ({ '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 } }) } },
  },
});
