import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE } from '../../../../shared/domain/import';
import { create } from 'zustand';
import type { ColumnMapping, ImportFormat, ImportPreview, ImportReport, ImportTargetField } from '../../../../shared/domain/import';
import { call } from '../../api/client';
import { write } from '../../api/mutations';

/** The same cap as the contract's, checked before reading so a huge file is never loaded. */
export const MAX_FILE_BYTES = IMPORT_MAX_BYTES;

interface Source {
  format: ImportFormat;
  fileName: string;
  text: string;
}

export type ImportMode = 'all-or-nothing' | 'valid-only';

interface FileImportState {
  source: Source | null;
  preview: ImportPreview | null;
  /** The mapping shown in the selects; it changes at once, the preview follows. */
  mapping: ColumnMapping | null;
  report: ImportReport | null;
  busy: 'reading' | 'preview' | 'commit' | null;
  error: string | null;
  /** Bumped per request so an answer to an older mapping or file is dropped. */
  generation: number;
  chooseFile(file: File): Promise<void>;
  setMapping(header: string, target: ImportTargetField | null): void;
  commit(mode: ImportMode): Promise<ImportReport | null>;
  reset(): void;
}

const EMPTY = { source: null, preview: null, mapping: null, report: null, busy: null, error: null } as const;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function formatOf(fileName: string): ImportFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

/** The file-import flow: read a file, preview it against a column mapping, then commit it. */
export const useFileImport = create<FileImportState>((set, get) => {
  async function runPreview(source: Source, mapping: ColumnMapping | undefined): Promise<void> {
    const generation = get().generation + 1;
    set({ generation, busy: 'preview', error: null });
    try {
      const preview = await call('import:preview', mapping ? { ...source, mapping } : source);
      if (get().generation !== generation) return;
      set({ preview, mapping: preview.mapping, busy: null });
    } catch (err) {
      if (get().generation === generation) set({ error: message(err), busy: null });
    }
  }

  return {
    ...EMPTY,
    generation: 0,
    async chooseFile(file) {
      const generation = get().generation + 1;
      set({ ...EMPTY, generation });
      if (file.size > MAX_FILE_BYTES) {
        set({ error: `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; ${IMPORT_TOO_LARGE.toLowerCase()}.` });
        return;
      }
      set({ busy: 'reading' });
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        if (get().generation === generation) set({ busy: null, error: `Could not read "${file.name}": ${message(err)}` });
        return;
      }
      if (get().generation !== generation) return;
      const source: Source = { format: formatOf(file.name), fileName: file.name, text };
      set({ source });
      await runPreview(source, undefined);
    },
    setMapping(header, target) {
      const { source, mapping } = get();
      if (!source || !mapping) return;
      const next = { ...mapping, [header]: target };
      set({ mapping: next });
      void runPreview(source, next);
    },
    async commit(mode) {
      const { source, mapping, busy } = get();
      if (!source || !mapping || busy) return null;
      const generation = get().generation + 1;
      set({ generation, busy: 'commit', error: null });
      try {
        const report = await write('import:commit', { ...source, mapping, mode });
        if (get().generation !== generation) return null;
        set({ report, busy: null });
        return report;
      } catch (err) {
        if (get().generation === generation) set({ error: message(err), busy: null });
        return null;
      }
    },
    reset() {
      set({ ...EMPTY, generation: get().generation + 1 });
    },
  };
});
