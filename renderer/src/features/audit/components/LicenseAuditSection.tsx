import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { auditRoute, useRoute } from '../../../app/route';
import { auditQueries } from '../queries';
import { AuditTable } from './AuditTable';

const SHOWN = 5;

/** A license's own latest audit entries on its detail page, with the way to all of them. */
export function LicenseAuditSection({ licenseId }: { licenseId: number }) {
  const go = useRoute((s) => s.go);
  const list = useQuery(auditQueries.list({ licenseId, offset: 0, limit: SHOWN }));
  if (list.isPending) return <Skeleton variant="rounded" height={80} />;
  if (list.isError) return <Alert severity="error">Could not load the audit log: {list.error.message}</Alert>;
  return (
    <>
      {list.data.total === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No audit entries for this license.
        </Typography>
      ) : (
        <AuditTable entries={list.data.entries} label="This license's audit entries" compact />
      )}
      {list.data.total > 0 && (
        <Link component="button" type="button" variant="body2" sx={{ mt: 1 }} onClick={() => go(auditRoute({ licenseId }))}>
          {list.data.total > SHOWN ? `All ${list.data.total} entries in the audit log` : 'Open in the audit log'}
        </Link>
      )}
    </>
  );
}
