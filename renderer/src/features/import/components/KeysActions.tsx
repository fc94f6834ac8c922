import Button from '@mui/material/Button';
import { hasRejections, keysToImport } from '../labels';
import type { KeyPaste } from '../useKeyPaste';

/** Footer buttons of the keys tab. Like files, keys import all-or-nothing unless the user explicitly leaves rejected ones out. */
export function KeysActions({ state }: { state: KeyPaste }) {
  const { text, busy, result } = state;
  const idle = text.trim() !== '' && busy === null;
  // A written report is history: the box may hold corrected text that has not been checked yet.
  const pending = result && !(result.mode === 'report' && result.written) ? result.checks : null;
  const blocked = pending !== null && hasRejections(pending);

  return (
    <>
      <Button variant="outlined" disabled={!idle} onClick={() => void state.check()}>
        Check keys
      </Button>
      {blocked && keysToImport(pending) > 0 && (
        <Button variant="outlined" color="warning" disabled={!idle} onClick={() => void state.importKeys('valid-only')}>
          Import valid keys only
        </Button>
      )}
      <Button variant="contained" disabled={!idle || blocked} onClick={() => void state.importKeys('all-or-nothing')}>
        Import keys
      </Button>
    </>
  );
}
