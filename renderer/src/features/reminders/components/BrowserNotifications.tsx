import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../../components/dates';
import { queries } from '../../../api/queries';

type Permission = NotificationPermission | 'unsupported';
const current = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

const WORDS: Record<Permission, string> = {
  granted: 'This browser shows the daily digest as a notification.',
  default: 'This browser shows the daily digest as a notification only if you allow it; until then it is in the bell.',
  denied: 'This browser blocks notifications from License Desk: the digest stays in the bell. Allow them in the site settings to change that.',
  unsupported: 'This browser cannot show notifications: the digest stays in the bell.',
};

/**
 * Where the desktop digest shows, under the digest settings. In the browser host the page shows it
 * with the web Notification API, so permission is asked here, from a button, and never on load.
 */
export function BrowserNotifications() {
  const info = useQuery(queries.reminderDesktop()).data;
  const [permission, setPermission] = useState<Permission>(current);
  const [failure, setFailure] = useState<string | null>(null);
  if (!info) return null;
  const last = info.lastDigestOn ? `Last digest: ${formatDate(info.lastDigestOn)}.` : 'No digest yet.';

  const ask = async () => {
    setFailure(null);
    try {
      setPermission(await Notification.requestPermission());
    } catch (err) {
      setFailure((err as Error).message);
    }
  };

  return (
    <Stack sx={{ gap: 1, mb: 1 }}>
      <Typography variant="body2" color="textSecondary">
        {info.shownBy === 'system' ? `The digest comes as a system notification at the time above; clicking it opens the notifications page. ${last}` : `${WORDS[permission]} ${last}`}
      </Typography>
      {info.shownBy === 'page' && permission === 'default' && (
        <Button variant="outlined" size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => void ask()}>
          Allow browser notifications
        </Button>
      )}
      {failure && <Alert severity="error">{failure}</Alert>}
    </Stack>
  );
}
