import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../api/queries';
import { useRoute } from '../app/route';
import { backupTime, RestoreDialog } from '../features/backups';

/**
 * What the core had to tell the user about this start (read-only mode, a key file put back from a
 * backup, a backup rewritten without clear keys), above every page until the app restarts. When the
 * data file was found empty or damaged, the newest sound backup is offered with a button that opens
 * the restore dialog (what it holds against the data now, then the restore). While quarantined data
 * files hold license keys unencrypted, the quarantine list's notice says so, with the way to the
 * Settings section that deletes them; it goes when they do.
 */
export function StartNotices() {
  const { data } = useQuery(queries.appInfo());
  const [restoring, setRestoring] = useState(false);
  const notices = data?.notices ?? [];
  const offer = data?.restoreOffer ?? null;
  const quarantine = useQuery(queries.quarantine()).data?.notice ?? null;
  const go = useRoute((s) => s.go);
  if (notices.length === 0 && !offer && !quarantine) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 1 }} role="region" aria-label="Notices about this start">
      {notices.map((n) => (
        <Alert key={n} severity={/read-only|cannot be opened|locked|damaged|empty \(0 bytes\)|not written|could not be taken/i.test(n) ? 'warning' : 'info'}>
          {n}
        </Alert>
      ))}
      {quarantine && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" variant="outlined" onClick={() => go({ page: 'settings', section: 'quarantine' })} sx={{ whiteSpace: 'nowrap' }}>
              Show quarantined files
            </Button>
          }
        >
          {quarantine}
        </Alert>
      )}
      {offer && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" variant="outlined" onClick={() => setRestoring(true)} sx={{ whiteSpace: 'nowrap' }}>
              Restore backup of {backupTime(offer.takenAt)}
            </Button>
          }
        >
          The newest verified backup is of {backupTime(offer.takenAt)}{offer.from === 'second' ? ', in the second backup folder' : ''}. Nothing was deleted: the file found at start was moved aside.
        </Alert>
      )}
      {restoring && offer && <RestoreDialog name={offer.name} from={offer.from} onClose={() => setRestoring(false)} />}
    </Stack>
  );
}
