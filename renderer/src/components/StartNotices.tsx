import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';

/**
 * What the core had to tell the user about this start (read-only mode, a key file put back from a
 * backup, a backup rewritten without clear keys), above every page until the app restarts.
 */
export function StartNotices() {
  const { data } = useQuery(queries.appInfo());
  const notices = data?.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 1 }} role="region" aria-label="Notices about this start">
      {notices.map((n) => (
        <Alert key={n} severity={/read-only|cannot be opened|locked/i.test(n) ? 'warning' : 'info'}>
          {n}
        </Alert>
      ))}
    </Stack>
  );
}
