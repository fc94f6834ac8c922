import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE } from '../../../../shared/domain/import';
import { create } from 'zustand';
import type { ColumnMapping, ImportFormat, ImportMode, ImportPreview, ImportReport, ImportTargetField, StagedImport } from '../../../../shared/domain/import';
import type { JobProgress } from '../../../../shared/ipc/events';
import { call, IpcError, onJobProgress } from '../../api/client';
import { write } from '../../api/mutations';

/** The same cap as the contract's, checked before reading so a huge file is never loaded. */
export const MAX_FILE_BYTES = IMPORT_MAX_BYTES;

export type { ImportMode };

/** The chosen file as staged on the main side: the text crossed once; from here on it is named by id. */
type Source = Pick<StagedImport, 'stagedId' | 'format' | 'fileName' | 'bytes'>;

/** How an import ended when it did not end in a report: cancelled (nothing written) or an error. */
export interface ImportNotice {
  severity: 'info' | 'error';
  message: string;
}

interface FileImportState {
  source: Source | null;
  preview: ImportPreview | null;
  /** The mapping shown in the selects; it changes at once, the preview follows. */
  mapping: ColumnMapping | null;
  report: ImportReport | null;
  busy: 'reading' | 'preview' | 'commit' | null;
  /** The running import's progress (phase, rows done of total, rows per second), from job events. */
  job: JobProgress | null;
  /** True from Cancel until the import answers. */
  cancelling: boolean;
  /** Cancel was asked for but the import had already been written: the report says so. */
  lateCancel: boolean;
  error: ImportNotice | null;
  /** Bumped per request so an answer to an older mapping or file is dropped. */
  generation: number;
  chooseFile(file: File): Promise<void>;
  setMapping(header: string, target: ImportTargetField | null): void;
  commit(mode: ImportMode): Promise<ImportReport | null>;
  cancel(): void;
  reset(): void;
}

const EMPTY = { source: null, preview: null, mapping: null, report: null, busy: null, job: null, cancelling: false, lateCancel: false, error: null } as const;

function notice(err: unknown): ImportNotice {
  if (err instanceof IpcError && err.code === 'CANCELLED') return { severity: 'info', message: err.message };
  return { severity: 'error', message: err instanceof Error ? err.message : String(err) };
}

/** A staged file that main no longer holds (expired, imported) cannot be previewed again: choose it anew. */
const gone = (err: unknown) => err instanceof IpcError && err.code === 'NOT_FOUND';

export function formatOf(fileName: string): ImportFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

function discard(source: Source | null): void {
  if (source) call('import:discard', { stagedId: source.stagedId }).catch(() => undefined);
}

/** The file-import flow: read and stage a file, preview it against a column mapping, then commit it as a job. */
export const useFileImport = create<FileImportState>((set, get) => {
  let listening = false;
  function listen(): void {
    if (listening) return;
    listening = true;
    onJobProgress((p) => {
      const { source, busy } = get();
      if (busy === 'commit' && p.kind === 'import' && p.ref === source?.stagedId) set({ job: p });
    });
  }

  async function runPreview(source: Source, mapping: ColumnMapping | undefined): Promise<void> {
    const generation = get().generation + 1;
    set({ generation, busy: 'preview', error: null });
    try {
      const preview = await call('import:preview', mapping ? { stagedId: source.stagedId, mapping } : { stagedId: source.stagedId });
      if (get().generation !== generation) return;
      set({ preview, mapping: preview.mapping, busy: null });
    } catch (err) {
      if (get().generation !== generation) return;
      set(gone(err) ? { ...EMPTY, error: notice(err) } : { error: notice(err), busy: null });
    }
  }

  return {
    ...EMPTY,
    generation: 0,
    async chooseFile(file) {
      listen();
      discard(get().source);
      const generation = get().generation + 1;
      set({ ...EMPTY, generation });
      if (file.size > MAX_FILE_BYTES) {
        set({ error: { severity: 'error', message: `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; ${IMPORT_TOO_LARGE.toLowerCase()}.` } });
        return;
      }
      set({ busy: 'reading' });
      let staged: StagedImport;
      try {
        // The file crosses once: preview, mapping changes and commit name it by its staged id.
        const text = await file.text();
        if (get().generation !== generation) return;
        staged = await call('import:stage', { format: formatOf(file.name), fileName: file.name, text });
      } catch (err) {
        if (get().generation === generation) set({ busy: null, error: { severity: 'error', message: `Could not read "${file.name}": ${notice(err).message}` } });
        return;
      }
      if (get().generation !== generation) return discard(staged);
      set({ source: staged });
      await runPreview(staged, undefined);
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
      set({ generation, busy: 'commit', job: null, cancelling: false, lateCancel: false, error: null });
      try {
        const report = await write('import:commit', { stagedId: source.stagedId, mapping, mode });
        if (get().generation !== generation) return null;
        set({ report, busy: null, cancelling: false, lateCancel: get().cancelling });
        return report;
      } catch (err) {
        if (get().generation !== generation) return null;
        set(gone(err) ? { ...EMPTY, error: notice(err) } : { error: notice(err), busy: null, job: null, cancelling: false });
        return null;
      }
    },
    cancel() {
      const { job, busy, source } = get();
      if (busy !== 'commit' || !source) return;
      set({ cancelling: true });
      // Before the first progress event the job's id is not known here yet: ask which job is ours.
      const jobId = job ? Promise.resolve(job.jobId) : call('jobs:active').then((all) => all.find((j) => j.ref === source.stagedId)?.jobId);
      jobId.then((id) => (id ? call('jobs:cancel', { jobId: id }) : undefined)).catch(() => undefined);
    },
    reset() {
      discard(get().source);
      set({ ...EMPTY, generation: get().generation + 1 });
    },
  };
});
