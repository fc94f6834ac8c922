import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { StoredKey } from '../../../../../shared/domain/project';
import { KeyRow } from './KeyRow';
import { VISUALLY_HIDDEN } from '../../../components/visually-hidden';

// A header for screen readers only: the buttons in the column explain themselves to sighted users.

export function KeyTable({ keys, label, onNotice }: { keys: StoredKey[]; label: string; onNotice(message: string): void }) {
  return (
    <Table size="small" aria-label={label} sx={{ tableLayout: 'fixed', '& tbody tr:last-child td': { borderBottom: 0 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ fontWeight: 600, width: 200 }}>Kind</TableCell>
          <TableCell sx={{ fontWeight: 600 }}>Key</TableCell>
          <TableCell sx={{ fontWeight: 600, width: 130 }}>Added</TableCell>
          <TableCell sx={{ fontWeight: 600, width: 240 }} align="right">
            <Box component="span" sx={VISUALLY_HIDDEN}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map((k) => (
          <KeyRow key={k.id} storedKey={k} onNotice={onNotice} />
        ))}
      </TableBody>
    </Table>
  );
}
