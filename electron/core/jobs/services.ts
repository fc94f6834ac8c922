import type { BackupResult } from '../../../shared/domain/backups.js';
import type { ImportPreview, ImportReport, StageInput, StagedCommitInput, StagedImport, StagedPreviewInput } from '../../../shared/domain/import.js';
import type { LicenseView } from '../../../shared/domain/query.js';
import type { JobProgress } from '../../../shared/ipc/events.js';
import type { Clock } from '../clock.js';
import type { SavedFile } from '../platform/port.js';
import type { SavedFiles } from '../platform/saved-files.js';
import type { BackupService } from '../services/backups/service.js';
import type { SettingsService } from '../services/settings.js';
import type { JobRunner } from './runner.js';
import type { StagedImports } from './staged.js';

export interface ExportResult {
  fileName: string;
  rows: number;
  /** null when the user closed the save dialog: nothing was written. */
  saved: SavedFile | null;
}

const EXPORT_FILTERS: Record<'csv' | 'json', { name: string; extensions: string[] }> = { csv: { name: 'CSV', extensions: ['csv'] }, json: { name: 'JSON', extensions: ['json'] } };

/**
 * The long calls, as the handlers see them: each runs as a job through the runner, with the staged
 * files and the platform port around it. Composed next to the domain services (core.ts and the tests'
 * fixture), since they sit above them: jobs → services, never the other way.
 */
export function createJobServices(deps: { runner: JobRunner; staged: StagedImports; files: SavedFiles; clock: Clock; settings: SettingsService; backups: BackupService }) {
  const { runner, staged, files, clock } = deps;
  const now = () => clock.now().toISOString();

  return {
    imports: {
      stage(input: StageInput): StagedImport {
        const file = staged.stage(input);
        // A commit is likely to follow: its worker starts now, while the user looks at the preview.
        runner.prepare('write');
        return file;
      },
      preview({ stagedId, mapping }: StagedPreviewInput): Promise<ImportPreview> {
        const f = staged.get(stagedId);
        const source = { format: f.format, fileName: f.fileName, text: f.text, ...(mapping ? { mapping } : {}) };
        return runner.run({ task: 'import.preview', input: { now: now(), source }, kind: 'import', ref: stagedId, writes: false, channel: 'import:preview' }).result;
      },
      async commit({ stagedId, mapping, mode }: StagedCommitInput): Promise<ImportReport> {
        const f = staged.get(stagedId);
        const source = { format: f.format, fileName: f.fileName, text: f.text, mapping, mode };
        const report = await runner.run({ task: 'import.commit', input: { now: now(), source }, kind: 'import', ref: stagedId, writes: true, channel: 'import:commit' }).result;
        if (report.written) staged.discard(stagedId);
        return report;
      },
      discard: ({ stagedId }: { stagedId: string }) => ({ discarded: staged.discard(stagedId) }),
    },
    exports: {
      async licenses(view: LicenseView, format: 'csv' | 'json'): Promise<ExportResult> {
        const input = { view, format, settings: deps.settings.status() };
        const file = await runner.run({ task: 'export.licenses', input, kind: 'export', ref: null, writes: false, channel: 'licenses:export' }).result;
        const saved = await files.save({ suggestedName: file.fileName, content: file.content, filter: EXPORT_FILTERS[format] });
        return { fileName: file.fileName, rows: file.rows, saved };
      },
    },
    backups: {
      /**
       * A verified backup taken in the worker (its own connection, one snapshot), so neither the
       * first start of a day nor "Back up now" holds up the thread that answers. Not a write job: the
       * store is only read, and writes go on meanwhile.
       */
      take(reason: 'daily' | 'manual'): Promise<BackupResult> {
        const b = deps.backups;
        const input = { reason, now: now(), backupsDir: b.backupsDir, keyFile: b.keyFile, secondFolder: b.settings().secondFolder };
        return runner.run({ task: 'backup.take', input, kind: 'backup', ref: reason, writes: false, channel: reason === 'daily' ? 'backups:daily' : 'backups:create' }).result;
      },
    },
    files: {
      open: async ({ path }: { path: string }) => (await files.open(path), { done: true as const }),
      reveal: async ({ path }: { path: string }) => (await files.reveal(path), { done: true as const }),
    },
    jobs: {
      active: (): JobProgress[] => runner.active(),
      cancel: ({ jobId }: { jobId: string }) => ({ cancelled: runner.cancel(jobId) }),
    },
  };
}
export type JobServices = ReturnType<typeof createJobServices>;
