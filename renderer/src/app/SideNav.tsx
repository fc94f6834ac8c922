import CartIcon from '@mui/icons-material/ShoppingCart';
import DashboardIcon from '@mui/icons-material/SpaceDashboard';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import HubIcon from '@mui/icons-material/Hub';
import ReceiptIcon from '@mui/icons-material/ReceiptLong';
import SettingsIcon from '@mui/icons-material/Settings';
import KeyIcon from '@mui/icons-material/VpnKey';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';
import { isCollapsed, useNavState } from './nav-state';
import { DEFAULT_LOOK_AHEAD, licensesRoute, useRoute, type Route } from './route';

const WIDE = 196;
const RAIL = 60;

const NAV: { label: string; icon: ReactNode; route: Route; active: (page: Route['page']) => boolean }[] = [
  { label: 'Dashboard', icon: <DashboardIcon />, route: { page: 'dashboard' }, active: (p) => p === 'dashboard' },
  { label: 'Licenses', icon: <KeyIcon />, route: licensesRoute(), active: (p) => p === 'licenses' || p === 'license' },
  { label: 'Renewals', icon: <EventRepeatIcon />, route: { page: 'renewals', days: DEFAULT_LOOK_AHEAD }, active: (p) => p === 'renewals' },
  { label: 'Orders', icon: <ReceiptIcon />, route: { page: 'orders', query: { states: [], kinds: [], selected: null } }, active: (p) => p === 'orders' },
  { label: 'Projects', icon: <HubIcon />, route: { page: 'projects', query: { search: '' } }, active: (p) => p === 'projects' },
  { label: 'Purchase', icon: <CartIcon />, route: { page: 'purchase', tab: 'buy' }, active: (p) => p === 'purchase' || p === 'po' },
  { label: 'Settings', icon: <SettingsIcon />, route: { page: 'settings' }, active: (p) => p === 'settings' || p === 'audit' },
];



/** The side bar: labels when wide, a rail of icons (each with its name as tooltip and accessible name) when collapsed. */
export function SideNav() {
  // The page only: a query change (a search keystroke) does not re-render the side bar.
  const page = useRoute((s) => s.route.page);
  const go = useRoute((s) => s.go);
  const collapsed = isCollapsed(useNavState((s) => s.collapsed));
  const width = collapsed ? RAIL : WIDE;
  return (
    <Drawer variant="permanent" sx={{ width, flexShrink: 0, '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden' } }}>
      <Toolbar variant="dense" />
      <List component="nav" aria-label="Main">
        {NAV.map((n) => {
          const active = n.active(page);
          const item = (
            <ListItemButton key={n.label} selected={active} aria-current={active ? 'page' : undefined} aria-label={collapsed ? n.label : undefined} onClick={() => go(n.route)}>
              <ListItemIcon sx={collapsed ? { minWidth: 0 } : undefined}>{n.icon}</ListItemIcon>
              {!collapsed && <ListItemText primary={n.label} />}
            </ListItemButton>
          );
          return collapsed ? (
            <Tooltip key={n.label} title={n.label} placement="right" describeChild={false}>
              {item}
            </Tooltip>
          ) : (
            item
          );
        })}
      </List>
    </Drawer>
  );
}
