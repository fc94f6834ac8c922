import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupPlace, DataSummary, RestoreResult } from '../../../../shared/domain/backups';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { backupTime, REASON_LABEL } from './format';

const ROWS: [keyof DataSummary, string][] = [
  ['licenses', 'Licenses'],
  ['projects', 'Projects'],
  ['orders', 'Orders'],
  ['usageReadings', 'Usage readings'],
  ['newestChange', 'Newest change'],
];

function cell(s: DataSummary, key: keyof DataSummary): string {
  const v = s[key];
  if (key === 'newestChange') return typeof v === 'string' ? backupTime(v) : 'Nothing yet';
  return Number(v).toLocaleString();
}

/**
 * Restore, in two steps: what the backup holds against the data now, then the restore after the user
 * confirms. The data now is backed up first (the core does it), so a restore can itself be undone.
 */
export function RestoreDialog({ name, from, onClose, onRestored }: { name: string; from?: BackupPlace; onClose: () => void; onRestored?: (r: RestoreResult) => void }) {
  const cmp = useQuery(queries.backupCompare(name, from));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await write('backups:restore', { name, from: cmp.data?.from ?? from });
      onRestored?.(r);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const when = cmp.data ? backupTime(cmp.data.backup.takenAt) : '';
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="restore-title" maxWidth="sm" fullWidth>
      <DialogTitle id="restore-title">Restore the backup{when ? ` of ${when}` : ''}?</DialogTitle>
      <DialogContent>
        {cmp.isPending && <DialogContentText>Reading the backup…</DialogContentText>}
        {cmp.error && <Alert severity="error">{cmp.error.message}</Alert>}
        {cmp.data && (
          <>
            <DialogContentText sx={{ mb: 1.5 }}>
              {REASON_LABEL[cmp.data.backup.reason]} backup, read from the {cmp.data.from === 'second' ? 'second folder' : 'data folder'} and checked just now (integrity check passed). Restoring replaces all current data with what the backup holds. The current data is backed up first, so you can go back to it from the list.
            </DialogContentText>
            <Table size="small" aria-label="What the backup holds against the current data">
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    In the backup
                  </TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    Now
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {ROWS.map(([key, label]) => {
                  const differs = cmp.data.inBackup[key] !== cmp.data.current[key];
                  return (
                    <TableRow key={key}>
                      <TableCell component="th" scope="row">
                        {label}
                      </TableCell>
                      <TableCell align="right" sx={{ fontWeight: differs ? 600 : undefined }}>
                        {cell(cmp.data.inBackup, key)}
                      </TableCell>
                      <TableCell align="right">{cell(cmp.data.current, key)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {cmp.data.inBackup.schemaVersion < cmp.data.current.schemaVersion && (
              <Alert severity="info" sx={{ mt: 1.5 }}>
                The backup was made by an earlier version; it is updated to this version as it is opened.
              </Alert>
            )}
          </>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1.5 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color="warning" onClick={() => void restore()} disabled={!cmp.data || busy}>
          {busy ? 'Restoring…' : 'Restore this backup'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
