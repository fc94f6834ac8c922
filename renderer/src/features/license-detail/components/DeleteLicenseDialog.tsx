import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { write } from '../../../api/mutations';

/** Deleting is final, so it says exactly what goes with the item and asks once more. */
export function DeleteLicenseDialog({ item, open, onClose, onDeleted }: { item: LicenseItem; open: boolean; onClose(): void; onDeleted(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await write('licenses:delete', { id: item.id });
      onDeleted();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="delete-license-title">
      <DialogTitle id="delete-license-title">Delete license {item.itemId}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The item, its usage snapshots and its history leave every list; a record of the deletion (who, when and the item&apos;s last
          values) is kept. The license itself, on Dynamsoft&apos;s portal, is not affected; importing the portal list again would bring
          the item back.
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button color="error" variant="contained" onClick={() => void remove()} disabled={busy}>
          Delete license
        </Button>
      </DialogActions>
    </Dialog>
  );
}
