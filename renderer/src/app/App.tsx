import KeyIcon from '@mui/icons-material/VpnKey';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { ThemeProvider } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { LicensesPage } from '../features/licenses/LicensesPage';
import { useRoute } from './route';
import { theme } from './theme';

const DRAWER_WIDTH = 220;

export function App() {
  const route = useRoute((s) => s.route);
  const go = useRoute((s) => s.go);
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline />
      <Box sx={{ display: 'flex', height: '100vh' }}>
        <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} elevation={0}>
          <Toolbar variant="dense">
            <KeyIcon sx={{ mr: 1 }} aria-hidden />
            <Typography variant="h6" component="div">
              License Desk
            </Typography>
          </Toolbar>
        </AppBar>
        <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
          <Toolbar variant="dense" />
          <List component="nav" aria-label="Main">
            <ListItemButton selected={route.page === 'licenses' || route.page === 'license'} onClick={() => go({ page: 'licenses' })}>
              <ListItemIcon>
                <KeyIcon />
              </ListItemIcon>
              <ListItemText primary="Licenses" />
            </ListItemButton>
          </List>
        </Drawer>
        <Box component="main" sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <Toolbar variant="dense" />
          <Box sx={{ flexGrow: 1, minHeight: 0 }}>
            <LicensesPage />
          </Box>
        </Box>
      </Box>
    </ThemeProvider>
  );
}
