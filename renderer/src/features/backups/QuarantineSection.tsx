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
import Typography from '@mui/material/Typography';
import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { write } from '../../api/mutations';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { queries } from '../../api/queries';
import { useRoute } from '../../app/route';
import { backupTime, fileSize } from './format';

/** Deleting is final: the file's name once more, and a second click. */
function DeleteQuarantinedDialog({ name, onClose, onDeleted }: { name: string; onClose(): void; onDeleted(): void }) {
  return (
    <ConfirmDeleteDialog
      id="delete-quarantined"
      title={`Delete ${name}?`}
      confirmLabel="Delete file"
      onClose={onClose}
      onConfirm={async () => {
        await write('quarantine:delete', { name });
        onDeleted();
      }}
    >
      It cannot be undone: whatever could still be rescued from this file goes with it.
    </ConfirmDeleteDialog>
  );
}

/**
 * Settings → Backups → Quarantined files: the damaged data files moved aside at start (never deleted
 * by the app), with a warning on those that still hold license keys unencrypted, and a delete for each.
 */
export function QuarantineSection() {
  const list = useQuery(queries.quarantine());
  const section = useRoute((s) => (s.route.page === 'settings' ? s.route.section : undefined));
  const heading = useRef<HTMLHeadingElement>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // The sections above it load their own data and grow: it is brought into view once the page has settled.
  const fetching = useIsFetching();
  const settled = list.data !== undefined && fetching === 0;
  const shown = useRef(false);

  // Opened from the start notice: the section comes into view with the focus on its heading.
  useEffect(() => {
    if (section !== 'quarantine' || !settled || shown.current) return;
    shown.current = true;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [section, settled]);

  const data = list.data;
  return (
    <Stack component="section" aria-labelledby="quarantine-title" sx={{ gap: 1 }}>
      <Typography id="quarantine-title" ref={heading} tabIndex={-1} variant="subtitle2" component="h3" sx={{ outline: 'none' }}>
        Quarantined files
      </Typography>
      <Typography variant="body2" color="textSecondary">
        When the data file is found damaged at start, License Desk moves it aside here instead of deleting it, so its data can still be rescued.
      </Typography>
      {list.error && <Alert severity="error">Could not list the quarantined files: {list.error.message}</Alert>}
      {deleted && (
        <Alert severity="success" onClose={() => setDeleted(null)}>
          Deleted {deleted}.
        </Alert>
      )}
      {data && data.files.length === 0 && <Typography variant="body2">None: no damaged data file has been moved aside.</Typography>}
      {data && data.files.length > 0 && (
        <>
          <Typography variant="body2" color="textSecondary" sx={{ wordBreak: 'break-all' }}>
            Folder: <span style={{ fontFamily: 'monospace' }}>{data.folder}</span>
          </Typography>
          <Box sx={{ overflowX: 'auto', maxWidth: 1100 }}>
            <Table size="small" aria-labelledby="quarantine-title">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ fontWeight: 600 }}>File</TableCell>
                  <TableCell sx={{ fontWeight: 600 }} align="right">
                    Size
                  </TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Last modified</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Delete</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.files.map((f) => (
                  <TableRow key={f.name}>
                    <TableCell>
                      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                        <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                          {f.name}
                        </Typography>
                        {f.holdsClearKeys && <Chip size="small" color="warning" variant="outlined" label="Holds license keys unencrypted" />}
                      </Stack>
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {fileSize(f.bytes)}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{backupTime(f.modifiedAt)}</TableCell>
                    <TableCell>
                      <Button size="small" color="error" onClick={() => setDeleting(f.name)} aria-label={`Delete ${f.name}`}>
                        Delete…
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
      {deleting && (
        <DeleteQuarantinedDialog
          name={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleted(deleting);
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}
