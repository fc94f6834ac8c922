import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { Reseller, type StoredReseller } from '../../../../shared/domain/purchase-history';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';

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

/**
 * Add a reseller to the directory, or edit one. `initialName` prefills a new entry (the wizard's
 * "Add … to the directory"); `onClose` hears the stored entry when one was saved.
 */
export function ResellerDialog({ editing, initialName = '', onClose }: { editing: StoredReseller | 'new'; initialName?: string; onClose(saved?: StoredReseller): void }) {
  const [value, setValue] = useState<Reseller>(() => (editing === 'new' ? { ...EMPTY, name: initialName } : (({ id: _id, ...r }) => r)(editing)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = async () => {
    const parsed = Reseller.safeParse(value);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    try {
      onClose(editing === 'new' ? await write('resellers:create', parsed.data) : await write('resellers:update', { id: editing.id, reseller: parsed.data }));
    } catch (err) {
      if (err instanceof IpcError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setFormError((err as Error).message);
    }
  };
  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="reseller-dialog-title" maxWidth="sm" fullWidth>
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
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()}>
          Save reseller
        </Button>
      </DialogActions>
    </Dialog>
  );
}

