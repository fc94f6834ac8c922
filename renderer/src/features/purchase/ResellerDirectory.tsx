import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
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
import { Reseller, type StoredReseller } from '../../../../shared/domain/purchase-history';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';
import { purchaseQueries } from './queries';

const EMPTY: Reseller = { name: '', region: '', country: '', contact: '', email: '', website: '', notes: '' };
const FIELDS: { key: keyof Reseller; label: string; multiline?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'region', label: 'Region' },
  { key: 'country', label: 'Country' },
  { key: 'contact', label: 'Contact person' },
  { key: 'email', label: 'E-mail' },
  { key: 'website', label: 'Website' },
  { key: 'notes', label: 'Notes', multiline: true },
];

function ResellerDialog({ editing, onClose }: { editing: StoredReseller | 'new'; onClose(): void }) {
  const [value, setValue] = useState<Reseller>(() => (editing === 'new' ? EMPTY : (({ id: _id, ...r }) => r)(editing)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = async () => {
    const parsed = Reseller.safeParse(value);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    try {
      if (editing === 'new') await write('resellers:create', parsed.data);
      else await write('resellers:update', { id: editing.id, reseller: parsed.data });
      onClose();
    } catch (err) {
      if (err instanceof IpcError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setFormError((err as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="reseller-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="reseller-dialog-title">{editing === 'new' ? 'Add a reseller' : `Edit ${editing.name}`}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 1, pt: 1 }}>
          {FIELDS.map((f) => (
            <TextField key={f.key} size="small" label={f.label} value={value[f.key]} multiline={f.multiline} onChange={(e) => setValue({ ...value, [f.key]: e.target.value })} error={Boolean(errors[f.key])} helperText={errors[f.key] ?? ' '} />
          ))}
          {formError && <Alert severity="error">{formError}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()}>
          Save reseller
        </Button>
      </DialogActions>
    </Dialog>
  );
}

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
