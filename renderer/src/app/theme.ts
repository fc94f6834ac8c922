import { createTheme } from '@mui/material/styles';

/** One theme; MUI's colour schemes follow the OS light/dark setting. */
export const theme = createTheme({
  colorSchemes: { light: true, dark: true },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  palette: { primary: { main: '#1f5fbf' } },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTableCell: { styleOverrides: { root: { whiteSpace: 'nowrap' } } },
  },
});
