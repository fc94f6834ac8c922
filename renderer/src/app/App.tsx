import MenuIcon from '@mui/icons-material/Menu';
import MenuOpenIcon from '@mui/icons-material/MenuOpen';
import KeyboardIcon from '@mui/icons-material/KeyboardOutlined';
import KeyIcon from '@mui/icons-material/VpnKey';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import IconButton from '@mui/material/IconButton';
import { ThemeProvider } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useRef, type RefObject } from 'react';
import { AuditLogPage } from '../features/audit';
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
import { isCollapsed, useNavState } from './nav-state';
import { usePageChrome } from './page-chrome';
import { useRoute, type Route } from './route';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useShortcutsHelp } from './app-commands';
import { SideNav } from './SideNav';
import { theme } from './theme';

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
    case 'audit':
      return <AuditLogPage query={route.query} />;
    case 'notifications':
      return <NotificationsPage day={route.day} />;
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

/**
 * The one part that follows the route: a search keystroke or a filter re-renders the page, not the
 * app bar, the navigation or the dialogs around it.
 */
function RoutedPage({ main }: { main: RefObject<HTMLElement | null> }) {
  const route = useRoute((s) => s.route);
  usePageChrome(route, main);
  return <Page route={route} />;
}

export function App() {
  const collapsed = isCollapsed(useNavState((s) => s.collapsed));
  const main = useRef<HTMLElement>(null);

  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline />
      <Box sx={{ display: 'flex', height: '100vh' }}>
        <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} elevation={0}>
          <Toolbar variant="dense">
            <IconButton edge="start" color="inherit" sx={{ mr: 1 }} aria-label={collapsed ? 'Expand navigation' : 'Collapse navigation'} aria-expanded={!collapsed} onClick={useNavState.getState().toggle}>
              {collapsed ? <MenuIcon /> : <MenuOpenIcon />}
            </IconButton>
            <KeyIcon sx={{ mr: 1 }} aria-hidden />
            <Typography variant="h6" component="div">
              License Desk
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <Tooltip title="Keyboard shortcuts (F1)">
              <IconButton color="inherit" aria-label="Keyboard shortcuts" onClick={() => useShortcutsHelp.setState({ open: true })}>
                <KeyboardIcon />
              </IconButton>
            </Tooltip>
            <NotificationsBell />
          </Toolbar>
        </AppBar>
        <SideNav />
        <Box component="main" ref={main} sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <Toolbar variant="dense" />
          <StartNotices />
          <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto' }}>
            <RoutedPage main={main} />
          </Box>
        </Box>
      </Box>
      <ShortcutsDialog />
    </ThemeProvider>
  );
}
