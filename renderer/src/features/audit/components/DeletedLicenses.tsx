import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeletedLicense } from '../../../../../shared/domain/deleted-license';
import { write } from '../../../api/mutations';
import { useRoute } from '../../../app/route';
import { formatDate } from '../../../components/dates';
import { VISUALLY_HIDDEN } from '../../../components/visually-hidden';
import { formatAt } from '../format';
import { auditQueries } from '../queries';

function quota(d: DeletedLicense): string {
  if (d.quotaAmount === null) return '—';
  return `${d.quotaAmount.toLocaleString()}${d.quotaMode ? ` ${d.quotaMode}` : ''}`;
}

/** "Deleted licenses (3)" at the top of the audit log: the section is below the log, which can be long. */
export function DeletedLicensesLink() {
  const list = useQuery(auditQueries.deleted());
  const n = list.data?.length ?? 0;
  if (n === 0) return null;
  return (
    <Link component="button" type="button" variant="body2" onClick={() => document.getElementById('deleted-licenses-title')?.scrollIntoView({ block: 'start' })}>
      Deleted licenses ({n.toLocaleString()})
    </Link>
  );
}

/**
 * Licenses that were deleted, from the tombstones a delete leaves (what they were, when, by whom),
 * with Restore for the latest deletion of an item id not recorded again.
 */
export function DeletedLicenses() {
  const list = useQuery(auditQueries.deleted());
  const go = useRoute((s) => s.go);
  const [busy, setBusy] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const restore = async (d: DeletedLicense) => {
    setBusy(d.tombstoneId);
    setNotice(null);
    try {
      const r = await write('licenses:restoreDeleted', { tombstoneId: d.tombstoneId });
      setNotice({ severity: 'success', text: `Item ${r.itemId} is back, with its history and usage readings.` });
    } catch (err) {
      setNotice({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography id="deleted-licenses-title" variant="h6" component="h2">
        Deleted licenses
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ maxWidth: 820 }}>
        A deleted license keeps its last values, history and usage readings here, so it can be brought back. Its keys stay with its project.
      </Typography>
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {list.isError && <Alert severity="error">Could not list the deleted licenses: {list.error.message}</Alert>}
      {list.data && list.data.length === 0 && <Typography variant="body2">No license has been deleted.</Typography>}
      {list.data && list.data.length > 0 && (
        <TableContainer>
          <Table size="small" aria-labelledby="deleted-licenses-title" sx={{ '& td': { whiteSpace: 'normal' } }}>
            <TableHead>
              <TableRow>
                {['Item ID', 'Product', 'Quota and expiry', 'Deleted', ''].map((h, i) => (
                  <TableCell key={h || i} sx={{ fontWeight: 600 }}>
                    {h || (
                      <Box component="span" sx={VISUALLY_HIDDEN}>
                        Action
                      </Box>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((d) => (
                <TableRow key={d.tombstoneId}>
                  <TableCell>
                    {d.itemId}
                    {d.alias && (
                      <Typography variant="body2" color="textSecondary">
                        {d.alias}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ minWidth: 170, whiteSpace: 'normal' }}>
                    {d.productName ?? d.productCode}
                    {d.edition ? ` ${d.edition}` : ''}
                  </TableCell>
                  <TableCell>
                    {quota(d)}
                    <Typography variant="body2" color="textSecondary">
                      {d.expiresOn ? `expires ${formatDate(d.expiresOn)}` : 'no expiry'}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {formatAt(d.deletedAt)}
                    <Typography variant="body2" color="textSecondary">
                      by {d.deletedBy}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {d.state === 'restorable' && (
                      <Button size="small" disabled={busy !== null} onClick={() => void restore(d)} aria-label={`Restore item ${d.itemId}`}>
                        {busy === d.tombstoneId ? 'Restoring…' : 'Restore'}
                      </Button>
                    )}
                    {d.state === 'recorded-again' && d.currentId !== null && (
                      <Link component="button" type="button" variant="body2" onClick={() => go({ page: 'license', id: d.currentId! })} aria-label={`Open item ${d.itemId}, recorded again`}>
                        Recorded again
                      </Link>
                    )}
                    {d.state === 'superseded' && (
                      <Typography variant="body2" color="textSecondary">
                        Deleted again later
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
