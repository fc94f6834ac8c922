import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import type { StoredKey } from '../../../../../shared/domain/project';
import { call } from '../../../api/client';
import { KEY_KIND_LABELS } from '../../../../../shared/domain/labels';
import { addedOn } from '../labels';

interface Props {
  storedKey: StoredKey;
  /** For the page's snackbar: copy confirmations and failures. */
  onNotice(message: string): void;
}

/**
 * One stored key, masked. The clear key is fetched only on demand and kept only in this
 * row's state, so it disappears when hidden or when the page is left.
 */
export function KeyRow({ storedKey: k, onNotice }: Props) {
  const [clear, setClear] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async (): Promise<string | null> => {
    setBusy(true);
    try {
      return (await call('keys:reveal', { id: k.id })).key;
    } catch (err) {
      onNotice(`Could not read the key: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const toggle = async () => {
    if (clear !== null) setClear(null);
    else setClear(await reveal());
  };

  const copy = async () => {
    const key = clear ?? (await reveal());
    if (key === null) return;
    try {
      await navigator.clipboard.writeText(key);
      onNotice('Key copied to the clipboard.');
    } catch {
      onNotice('Could not copy: the clipboard is not available. Reveal the key and copy it by hand.');
    }
  };

  return (
    <TableRow>
      <TableCell>
        <Tooltip title={k.summary}>
          <span>{KEY_KIND_LABELS[k.kind]}</span>
        </Tooltip>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'normal' }}>
        <Box
          component="code"
          aria-label={clear !== null ? 'Key' : 'Masked key'}
          sx={{ fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all', display: 'block', userSelect: clear !== null ? 'all' : 'none' }}
        >
          {clear ?? k.masked}
        </Box>
      </TableCell>
      <TableCell sx={{ color: 'text.secondary' }}>{addedOn(k.createdAt)}</TableCell>
      <TableCell align="right">
        <Stack direction="row" sx={{ gap: 0.5, justifyContent: 'flex-end' }}>
          <Button
            size="small"
            disabled={busy}
            startIcon={clear !== null ? <VisibilityOffIcon /> : <VisibilityIcon />}
            aria-pressed={clear !== null}
            onClick={() => void toggle()}
          >
            {clear !== null ? 'Hide key' : 'Reveal key'}
          </Button>
          <Button size="small" disabled={busy} startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            Copy key
          </Button>
        </Stack>
      </TableCell>
    </TableRow>
  );
}
