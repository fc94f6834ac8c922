import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StoredReseller } from '../../../../shared/domain/purchase-history';
import { write } from '../../api/mutations';
import { purchaseQueries } from './queries';
import { ResellerDialog } from './ResellerDialog';

/** The resellers the user keeps, searchable by region or country. */
export function ResellerDirectory() {
  const [region, setRegion] = useState('');
  const list = useQuery({ ...purchaseQueries.resellers(region.trim()), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<StoredReseller | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (r: StoredReseller) => {
    try {
      await write('resellers:delete', { id: r.id });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const rows = list.data ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="resellers-title" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography id="resellers-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Reseller directory
        </Typography>
        <TextField size="small" label="Search by region" value={region} onChange={(e) => setRegion(e.target.value)} placeholder="Europe, Asia, Germany…" />
        <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setEditing('new')}>
          Add reseller
        </Button>
      </Stack>
      {error && <Alert severity="error" onClose={() => setError(null)}>{error}</Alert>}
      <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Resellers">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>Country</TableCell>
            <TableCell>Contact</TableCell>
            <TableCell>Website</TableCell>
            <TableCell align="right">
              Actions
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.name}</TableCell>
              <TableCell>{r.region}</TableCell>
              <TableCell>{r.country}</TableCell>
              <TableCell>{[r.contact, r.email].filter(Boolean).join(' · ')}</TableCell>
              <TableCell sx={{ maxWidth: 240, overflowWrap: 'anywhere' }}>{r.website}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                  Edit
                </Button>
                <Button size="small" color="error" onClick={() => void remove(r)} aria-label={`Delete ${r.name}`}>
                  Delete
                </Button>
              </TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>
                <Typography color="textSecondary" variant="body2">
                  {region.trim() ? `No reseller in a region or country matching “${region.trim()}”.` : 'No resellers yet. Add the ones you buy through.'}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      </Box>
      {editing && <ResellerDialog editing={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
