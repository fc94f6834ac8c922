import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Paper from '@mui/material/Paper';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { KeyCheck } from '../../../../../shared/domain/project';
import { KEY_KIND_LABELS, keyOutcomeLabel } from '../labels';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';

const TONE: Record<Exclude<KeyCheck['outcome'], 'rejected'>, 'success' | 'info' | 'default'> = {
  created: 'success',
  attached: 'info',
  duplicate: 'default',
};

/** One row per pasted key, masked. Used for the check and, unchanged, for the import report. */
export function KeyCheckTable({ checks }: { checks: KeyCheck[] }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Key check" sx={{ tableLayout: 'fixed', '& tbody tr:last-child td': { borderBottom: 0 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600, width: 190 }}>Key</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>Kind</TableCell>
            <TableCell sx={{ fontWeight: 600, width: 180 }}>Project</TableCell>
            <TableCell sx={{ fontWeight: 600, width: 220 }}>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {checks.map((c) => (
            <TableRow key={c.index}>
              <TableCell>
                <Box component="code" sx={{ fontFamily: 'monospace', fontSize: 13, overflowWrap: 'anywhere' }}>
                  {c.masked}
                </Box>
              </TableCell>
              {c.outcome === 'rejected' ? (
                // A rejected key has no kind or project; its reason gets the room instead.
                <TableCell colSpan={3} sx={{ whiteSpace: 'normal', color: 'error.main' }}>
                  {keyOutcomeLabel(c)}
                </TableCell>
              ) : (
                <>
                  <TableCell sx={{ whiteSpace: 'normal' }}>
                    {c.kind ? KEY_KIND_LABELS[c.kind] : EMPTY_VALUE}
                    {c.summary && (
                      <Typography variant="caption" component="div" color="textSecondary">
                        {c.summary}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {c.projectCode ? (
                      <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 13, overflowWrap: 'anywhere' }}>
                        {c.projectCode}
                      </Box>
                    ) : (
                      EMPTY_VALUE
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" label={keyOutcomeLabel(c)} color={TONE[c.outcome]} variant={c.outcome === 'duplicate' ? 'outlined' : 'filled'} />
                  </TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
