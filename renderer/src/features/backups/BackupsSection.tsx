import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupEntry, BackupList, BackupPlace } from '../../../../shared/domain/backups';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { backupAge, backupTime, fileSize, REASON_LABEL } from './format';
import { QuarantineSection } from './QuarantineSection';
import { RestoreDialog } from './RestoreDialog';

type Notice = { severity: 'success' | 'warning' | 'error'; text: string } | null;

/** The second folder: its state, and choosing it by the system's dialog or, in the browser host, a typed path. */
function SecondFolder({ list, onNotice }: { list: BackupList; onNotice: (n: Notice) => void }) {
  const [typed, setTyped] = useState(list.secondFolder?.path ?? '');
  const [error, setError] = useState<string | null>(null);

  const choose = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    try {
      const r = await write('backups:chooseFolder', list.folderChoice === 'typed' ? { path: typed } : {});
      if (r?.secondFolder) onNotice({ severity: 'success', text: `Backups are also copied to ${r.secondFolder.path}.` });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const clear = async () => {
    await write('backups:clearFolder');
    setTyped('');
    onNotice({ severity: 'success', text: 'Backups are no longer copied to a second folder.' });
  };

  const state = list.secondFolder;
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h3">
        Second folder
      </Typography>
      <Typography variant="body2" color="textSecondary">
        A copy of every backup also goes to a folder you choose, such as a network share or a USB drive, for when this computer&apos;s disk is lost.
      </Typography>
      {state && (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {state.path}
          </Typography>
          <Chip size="small" color={state.reachable ? 'success' : 'warning'} variant="outlined" label={state.reachable ? 'Reachable' : 'Not reachable'} />
        </Stack>
      )}
      {state && !state.reachable && state.message && <Alert severity="warning">{state.message} Backups are kept in the data folder meanwhile.</Alert>}
      <Stack component="form" onSubmit={choose} noValidate direction="row" sx={{ gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {list.folderChoice === 'typed' && (
          <TextField size="small" label="Second folder (full path)" value={typed} onChange={(e) => setTyped(e.target.value)} error={Boolean(error)} helperText={error ?? 'For example /media/usb/license-desk'} sx={{ width: 360 }} />
        )}
        <Button type="submit" variant="outlined" sx={{ mt: list.folderChoice === 'typed' ? 0.25 : 0 }}>
          {list.folderChoice === 'typed' ? 'Use this folder' : state ? 'Choose another folder…' : 'Choose second folder…'}
        </Button>
        {state && (
          <Button onClick={() => void clear()} sx={{ mt: list.folderChoice === 'typed' ? 0.25 : 0 }}>
            Stop copying
          </Button>
        )}
      </Stack>
      {list.folderChoice === 'dialog' && error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** Where the copies are: the data folder, the second folder (said when that one cannot be reached now). */
function Places({ entry, secondReachable }: { entry: BackupEntry; secondReachable: boolean }) {
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {entry.places.map((p) => (
        <Chip
          key={p}
          size="small"
          variant="outlined"
          color={p === 'second' && !secondReachable ? 'warning' : 'default'}
          label={p === 'data' ? 'Data folder' : secondReachable ? 'Second folder' : 'Second folder (not writable now)'}
        />
      ))}
    </Stack>
  );
}

/** "newest · daily: last 7 days", or that the next backup removes it. */
function keptText(b: BackupEntry): string {
  return b.kept.length === 0 ? 'Removed at the next backup' : b.kept.join(' · ');
}

/** Settings → Backups: the verified backups with age, size and reason, "Back up now", the second folder and restore. */
export function BackupsSection() {
  const list = useQuery(queries.backups());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [restoring, setRestoring] = useState<{ name: string; from: BackupPlace } | null>(null);

  const backUpNow = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await write('backups:create');
      const copy = r.secondCopy;
      setNotice(copy && !copy.ok && copy.message ? { severity: 'warning', text: `Backed up (${backupTime(r.backup.takenAt)}). ${copy.message}` } : { severity: 'success', text: `Backed up and verified (${backupTime(r.backup.takenAt)}).` });
    } catch (err) {
      setNotice({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const data = list.data;
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography id="backups-title" variant="h6" component="h2">
        Backups
      </Typography>
      <Typography variant="body2" color="textSecondary">
        A verified copy of the data (with its key file) is taken on the first start of each day and before every update of the data file.
        {data
          ? ` Daily backups are kept for ${data.retention.daily} days, ${data.retention.weekly} weeks and ${data.retention.monthly} months; the last ${data.retention.manual} manual ones, the last ${data.retention.restore} taken before a restore and the last ${data.retention.migration} before an update are kept too. The newest backup is never removed.`
          : ''}
      </Typography>
      {data && (
        <Typography variant="body2" color="textSecondary" sx={{ wordBreak: 'break-all' }}>
          Folder: <span style={{ fontFamily: 'monospace' }}>{data.folder}</span>
        </Typography>
      )}
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void backUpNow()} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </Button>
      </Stack>
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      {list.error && <Alert severity="error">Could not list the backups: {list.error.message}</Alert>}
      {data && data.backups.length === 0 && <Typography variant="body2">No backups yet.</Typography>}
      {data && data.backups.length > 0 && (
        <Box sx={{ overflowX: 'auto', maxWidth: 1100 }}>
        <Table size="small" aria-labelledby="backups-title">
          <TableHead>
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>Taken</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Reason and size</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Where</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Kept</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Restore</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.backups.map((b) => (
              <TableRow key={b.name}>
                <TableCell>
                  {backupTime(b.takenAt)}
                  <Typography variant="body2" color="textSecondary">
                    {backupAge(b.takenAt)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {REASON_LABEL[b.reason]}
                  <Typography variant="body2" color="textSecondary">
                    {fileSize(b.bytes)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Places entry={b} secondReachable={data.secondFolder?.reachable ?? false} />
                </TableCell>
                <TableCell sx={{ maxWidth: 200 }}>
                  <Typography variant="body2" color="textSecondary">
                    {keptText(b)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setRestoring({ name: b.name, from: b.places[0]! })} aria-label={`Restore the backup of ${backupTime(b.takenAt)}`}>
                    Restore…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </Box>
      )}
      {data && <SecondFolder key={data.secondFolder?.path ?? ''} list={data} onNotice={setNotice} />}
      <QuarantineSection />
      {restoring && (
        <RestoreDialog
          name={restoring.name}
          from={restoring.from}
          onClose={() => setRestoring(null)}
          onRestored={(r) => setNotice({ severity: 'success', text: `Restored the backup of ${backupTime(r.restored.takenAt)}. The data it replaced was backed up first.` })}
        />
      )}
    </Stack>
  );
}
