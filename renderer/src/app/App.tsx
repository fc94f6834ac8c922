import DashboardIcon from '@mui/icons-material/SpaceDashboard';
import HubIcon from '@mui/icons-material/Hub';
import KeyIcon from '@mui/icons-material/VpnKey';
import SettingsIcon from '@mui/icons-material/Settings';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import ReceiptIcon from '@mui/icons-material/ReceiptLong';
import CartIcon from '@mui/icons-material/ShoppingCart';
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
import { type ReactNode } from 'react';
import { DashboardPage } from '../features/dashboard';
import { LicenseDetailPage } from '../features/license-detail';
import { LicensesPage } from '../features/licenses';
import { OrdersPage } from '../features/orders';
import { UpcomingRenewalsPage } from '../features/renew';
import { ProjectsPage } from '../features/projects';
import { NotificationsBell, NotificationsPage } from '../features/reminders';
import { PoBuilderPage, PurchasePage } from '../features/purchase';
import { SettingsPage } from '../features/settings';
import { StartNotices } from '../components/StartNotices';
import { DEFAULT_LOOK_AHEAD, licensesRoute, useRoute, type Route } from './route';
import { theme } from './theme';

const DRAWER_WIDTH = 196;

const NAV: { label: string; icon: ReactNode; route: Route; active: (r: Route) => boolean }[] = [
  { label: 'Dashboard', icon: <DashboardIcon />, route: { page: 'dashboard' }, active: (r) => r.page === 'dashboard' },
  { label: 'Licenses', icon: <KeyIcon />, route: licensesRoute(), active: (r) => r.page === 'licenses' || r.page === 'license' },
  { label: 'Renewals', icon: <EventRepeatIcon />, route: { page: 'renewals', days: DEFAULT_LOOK_AHEAD }, active: (r) => r.page === 'renewals' },
  { label: 'Orders', icon: <ReceiptIcon />, route: { page: 'orders', query: { states: [], kinds: [], selected: null } }, active: (r) => r.page === 'orders' },
  { label: 'Projects', icon: <HubIcon />, route: { page: 'projects', query: { search: '' } }, active: (r) => r.page === 'projects' },
  { label: 'Purchase', icon: <CartIcon />, route: { page: 'purchase', tab: 'buy' }, active: (r) => r.page === 'purchase' || r.page === 'po' },
  { label: 'Settings', icon: <SettingsIcon />, route: { page: 'settings' }, active: (r) => r.page === 'settings' },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'license':
      return <LicenseDetailPage key={route.id} id={route.id} />;
    case 'licenses':
      return <LicensesPage query={route.query} />;
    case 'projects':
      return <ProjectsPage query={route.query} />;
    case 'settings':
      return <SettingsPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'renewals':
      return <UpcomingRenewalsPage days={route.days} />;
    case 'orders':
      return <OrdersPage query={route.query} />;
    case 'purchase':
      return <PurchasePage tab={route.tab} />;
    case 'po':
      return <PoBuilderPage route={route} />;
    default:
      return <DashboardPage />;
  }
}

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
            <Box sx={{ flexGrow: 1 }} />
            <NotificationsBell />
          </Toolbar>
        </AppBar>
        <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
          <Toolbar variant="dense" />
          <List component="nav" aria-label="Main">
            {NAV.map((n) => (
              <ListItemButton key={n.label} selected={n.active(route)} aria-current={n.active(route) ? 'page' : undefined} onClick={() => go(n.route)}>
                <ListItemIcon>{n.icon}</ListItemIcon>
                <ListItemText primary={n.label} />
              </ListItemButton>
            ))}
          </List>
        </Drawer>
        <Box component="main" sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <Toolbar variant="dense" />
          <StartNotices />
          <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto' }}>
            <Page route={route} />
          </Box>
        </Box>
      </Box>
    </ThemeProvider>
  );
}
