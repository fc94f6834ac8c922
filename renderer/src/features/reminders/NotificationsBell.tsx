import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../api/queries';
import { useRoute } from '../../app/route';
import { localIsoDate, useNow } from '../../components/useNow';

/**
 * The bell in the app bar: how many reminders are due today, opening the notifications centre. The day
 * comes from the shared clock, so the count changes when the local day does, with no timer of its own.
 */
export function NotificationsBell() {
  const asOf = localIsoDate(useNow());
  const go = useRoute((s) => s.go);
  // Only the count: the list itself can be tens of thousands of reminders.
  const { data } = useQuery(queries.reminderCount(asOf));
  const count = data?.count ?? 0;
  const label = count === 0 ? 'Notifications, none due' : `Notifications, ${count.toLocaleString()} due`;
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} onClick={() => go({ page: 'notifications', day: null })}>
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
