import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportPreview } from '../../../../../shared/domain/import';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';
import { validRows } from '../labels';
import { formatDate } from '../../../components/dates';

const OUTCOME = {
  new: { label: 'New', color: 'success' },
  update: { label: 'Update', color: 'info' },
  same: { label: 'Unchanged', color: 'default' },
} as const;

/** The first rows as they would be stored. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { sample, counts } = preview;
  if (sample.length === 0) return null;
  const valid = validRows(counts);
  return (
    <Stack sx={{ gap: 0.5 }}>
      <Typography variant="subtitle2" component="h3">
        Preview {sample.length < valid ? `(first ${sample.length.toLocaleString()} of ${valid.toLocaleString()} valid rows)` : ''}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Import preview">
          <TableHead>
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }} align="right">
                Line
              </TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Item ID</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Product</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Quota</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Expires</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>Outcome</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sample.map((r) => (
              <TableRow key={r.line}>
                <TableCell align="right" sx={{ color: 'text.secondary' }}>
                  {r.line}
                </TableCell>
                <TableCell>{r.itemId}</TableCell>
                <TableCell sx={{ whiteSpace: 'normal' }}>{r.product}</TableCell>
                <TableCell>{r.quota}</TableCell>
                <TableCell>{r.expiresOn ? formatDate(r.expiresOn) : EMPTY_VALUE}</TableCell>
                <TableCell>
                  <Chip size="small" label={OUTCOME[r.outcome].label} color={OUTCOME[r.outcome].color} variant={r.outcome === 'same' ? 'outlined' : 'filled'} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
