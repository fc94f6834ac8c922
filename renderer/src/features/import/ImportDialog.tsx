import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useEffect, useState } from 'react';
import { FileActions } from './components/FileActions';
import { FilePanel } from './components/FilePanel';
import { KeysActions } from './components/KeysActions';
import { KeysPanel } from './components/KeysPanel';
import { useFileImport } from './store';
import { useKeyPaste } from './useKeyPaste';

type ImportTab = 'keys' | 'file';

interface Props {
  open: boolean;
  onClose(): void;
  /** After something was stored; the cache has already been told what changed. */
  onImported?(): void;
  initialTab?: ImportTab;
}

/**
 * Import licenses: paste keys, or a CSV/JSON file. MUI unmounts the body when the dialog is
 * closed, so every opening starts clean and pasted keys do not outlive the dialog.
 */
export function ImportDialog({ open, onClose, onImported = () => undefined, initialTab = 'keys' }: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby="import-dialog-title"
      // A fixed height: switching tabs or re-previewing does not make the dialog jump.
      slotProps={{ paper: { sx: { height: 'min(860px, calc(100% - 64px))' } } }}
    >
      <ImportDialogBody onClose={onClose} onImported={onImported} initialTab={initialTab} />
    </Dialog>
  );
}

function ImportDialogBody({ onClose, onImported, initialTab }: Omit<Props, 'open' | 'onImported'> & { initialTab: ImportTab; onImported(): void }) {
  const [tab, setTab] = useState<ImportTab>(initialTab);
  const keys = useKeyPaste(onImported);
  const fileDone = useFileImport((s) => s.report?.written ?? false);
  const keysDone = keys.result?.mode === 'report' && keys.result.written;
  const done = tab === 'keys' ? keysDone : fileDone;

  // The file flow lives in a store; clear it when the dialog goes away so the next opening starts empty.
  useEffect(() => () => useFileImport.getState().reset(), []);

  const panel = (t: ImportTab) => ({
    role: 'tabpanel',
    id: `import-panel-${t}`,
    'aria-labelledby': `import-tab-${t}`,
    hidden: tab !== t,
  });

  return (
    <>
      <DialogTitle id="import-dialog-title" sx={{ pb: 0 }}>
        Import licenses
      </DialogTitle>
      <Box sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_e, v: ImportTab) => setTab(v)} aria-label="What to import">
          <Tab value="keys" label="Paste keys" id="import-tab-keys" aria-controls="import-panel-keys" />
          <Tab value="file" label="CSV or JSON file" id="import-tab-file" aria-controls="import-panel-file" />
        </Tabs>
      </Box>
      <DialogContent>
        <div {...panel('keys')}>
          <KeysPanel state={keys} />
        </div>
        <div {...panel('file')}>
          <FilePanel />
        </div>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {done ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose} sx={{ mr: 'auto' }}>
              Close
            </Button>
            {tab === 'keys' ? <KeysActions state={keys} /> : <FileActions onImported={onImported} />}
          </>
        )}
      </DialogActions>
    </>
  );
}
