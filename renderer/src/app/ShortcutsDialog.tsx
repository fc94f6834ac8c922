import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Fragment } from 'react';
import { useShortcutsHelp } from './app-commands';
import { SHORTCUTS } from './shortcuts';

const KBD_SX = { fontFamily: 'monospace', fontSize: 13, px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover' } as const;
const close = () => useShortcutsHelp.setState({ open: false });

/** F1 or ?: the keyboard shortcuts (Cmd instead of Ctrl on macOS). */
export function ShortcutsDialog() {
  const open = useShortcutsHelp((s) => s.open);
  return (
    <Dialog open={open} onClose={close} aria-labelledby="shortcuts-title" maxWidth="xs" fullWidth>
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby="shortcuts-title">
          <TableHead>
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>Keys</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Does</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.action}>
                <TableCell>
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 && ' or '}
                      <Box component="kbd" sx={KBD_SX}>
                        {k}
                      </Box>
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell>{s.action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
