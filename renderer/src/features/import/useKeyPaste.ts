import { useState } from 'react';
import type { KeyCheck } from '../../../../shared/domain/project';
import { call } from '../../api/client';
import { write } from '../../api/mutations';

export type KeyImportMode = 'all-or-nothing' | 'valid-only';

export type KeyResult =
  | { mode: 'check'; checks: KeyCheck[] }
  | { mode: 'report'; checks: KeyCheck[]; written: boolean; message: string };

export interface KeyPaste {
  text: string;
  setText(text: string): void;
  /** The latest answer for the text in the box: a check (nothing stored) or an import report. */
  result: KeyResult | null;
  busy: 'check' | 'import' | null;
  error: string | null;
  check(): Promise<void>;
  importKeys(mode: KeyImportMode): Promise<void>;
}

/**
 * The paste-keys flow. Deliberately React state, not a zustand store: the pasted text is a
 * secret, so it lives only as long as the dialog and only in the text field that shows it.
 * What comes back from main is masked.
 */
export function useKeyPaste(onImported: () => void): KeyPaste {
  const [text, setTextState] = useState('');
  const [result, setResult] = useState<KeyResult | null>(null);
  const [busy, setBusy] = useState<KeyPaste['busy']>(null);
  const [error, setError] = useState<string | null>(null);

  const guard = async (kind: 'check' | 'import', work: () => Promise<void>) => {
    if (text.trim() === '' || busy) return;
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return {
    text,
    setText(next) {
      setTextState(next);
      // A check or report of different text would be misleading.
      setResult(null);
      setError(null);
    },
    result,
    busy,
    error,
    check: () =>
      guard('check', async () => {
        setResult({ mode: 'check', checks: await call('keys:check', { text }) });
      }),
    importKeys: (mode) =>
      guard('import', async () => {
        const answer = await write('keys:import', { text, mode });
        setResult({ mode: 'report', ...answer });
        if (!answer.written) return;
        // Keep the text only while a rejected key may need correcting; otherwise drop the secret.
        if (!answer.checks.some((c) => c.outcome === 'rejected')) setTextState('');
        onImported();
      }),
  };
}
