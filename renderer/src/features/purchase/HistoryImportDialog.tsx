import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PurchaseKind } from '../../../../shared/domain/purchase-history';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';

const WHAT: Record<PurchaseKind, { title: string; hint: string }> = {
  order: { title: 'Import the My Orders list', hint: 'In the customer portal open Order → My Orders, expand the orders you want, select the table and copy it, or export it as CSV. Columns: Order Id, User Email, Company Name, Create Time, Amount; lines: Product Sale Id, Product Name, Amount.' },
  quote: { title: 'Import the Quote list', hint: 'In the customer portal open Quote, expand the quotes, and copy the table or export it as CSV. Columns: Id, User Email, Created Time, Organization, Valid Time, Amount; lines: Item Id, Referrer item Id, Product Name, Quantity, Amount.' },
};

export function HistoryImportDialog({ kind, onClose }: { kind: PurchaseKind; onClose(done: string | null): void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await write('purchases:import', { kind, text, fileName });
      onClose(`${r.added} added, ${r.updated} updated, ${r.lines} lines.`);
    } catch (err) {
      setError({ message: (err as Error).message, lines: err instanceof IpcError ? err.issues.slice(1, 6).map((i) => i.message) : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(null)} aria-labelledby="history-import-title" maxWidth="md" fullWidth>
      <DialogTitle id="history-import-title">{WHAT[kind].title}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 1.5 }}>
          <Typography variant="body2" color="textSecondary">
            {WHAT[kind].hint}
          </Typography>
          <TextField label="Pasted table or CSV" multiline minRows={8} maxRows={16} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } } }} />
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Button component="label" variant="outlined">
              Choose a CSV file
              <input hidden type="file" accept=".csv,.tsv,.txt,text/csv" aria-label="CSV file" onChange={(e) => void pick(e.target.files?.[0])} />
            </Button>
            {fileName && <Typography variant="body2">{fileName}</Typography>}
          </Stack>
          {error && (
            <Alert severity="error">
              {error.message}
              {error.lines.map((l) => (
                <div key={l}>{l}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(null)}>Cancel</Button>
        <Button variant="contained" disabled={busy || text.trim() === ''} onClick={() => void submit()}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
