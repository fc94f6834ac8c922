import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { StoredKey } from '../../../../../shared/domain/project';
import { call } from '../../../api/client';
import { KEY_KIND_LABELS, formatTimestamp } from '../format';
import { MONO_FONT } from '../styles';

interface Props {
  storedKey: StoredKey;
  notify(message: string, severity?: 'success' | 'error'): void;
}


/**
 * One stored key: masked until the user asks. The clear text is fetched on demand and held only in this
 * component's state, so it disappears when the row unmounts and is never logged or stored.
 */
export function KeyRow({ storedKey, notify }: Props) {
  const [clear, setClear] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchClear = async (): Promise<string | null> => {
    setBusy(true);
    try {
      return (await call('keys:reveal', { id: storedKey.id })).key;
    } catch (err) {
      notify(`Could not read the key: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return null;
    } finally {
      setBusy(false);
    }
  };

  const toggle = async () => {
    if (clear !== null) return setClear(null);
    setClear(await fetchClear());
  };

  const copy = async () => {
    const text = clear ?? (await fetchClear());
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      notify('Key copied');
    } catch {
      notify('Could not copy: the clipboard is not available.', 'error');
    }
  };

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.25 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, mb: 0.75, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {storedKey.summary || KEY_KIND_LABELS[storedKey.kind]}
        </Typography>
        <Typography variant="caption" color="textSecondary" sx={{ ml: 'auto' }}>
          Stored {formatTimestamp(storedKey.createdAt)}
        </Typography>
      </Stack>
      <Box
        aria-label={clear === null ? 'Masked license key' : 'License key'}
        role="textbox"
        aria-readonly
        tabIndex={0}
        sx={{
          fontFamily: MONO_FONT,
          fontSize: '0.8125rem',
          bgcolor: 'action.hover',
          borderRadius: 1,
          px: 1,
          py: 0.75,
          // A revealed DLS2 key is several hundred characters: wrap anywhere instead of scrolling sideways.
          overflowWrap: 'anywhere',
          wordBreak: 'break-all',
          userSelect: clear === null ? 'none' : 'text',
          maxHeight: 120,
          overflowY: 'auto',
        }}
      >
        {clear ?? storedKey.masked}
      </Box>
      <Stack direction="row" sx={{ gap: 1, mt: 1, alignItems: 'center' }}>
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          startIcon={clear === null ? <VisibilityIcon /> : <VisibilityOffIcon />}
          aria-label={clear === null ? 'Reveal key' : 'Hide key'}
          onClick={() => void toggle()}
        >
          {clear === null ? 'Reveal' : 'Hide'}
        </Button>
        <Button size="small" variant="outlined" disabled={busy} startIcon={<ContentCopyIcon />} aria-label="Copy key" onClick={() => void copy()}>
          Copy
        </Button>
        <Typography variant="caption" color="textSecondary" sx={{ ml: 'auto', textAlign: 'right' }}>
          Session password {storedKey.sessionPasswordSet ? 'set' : 'not set'}
        </Typography>
      </Stack>
    </Box>
  );
}
