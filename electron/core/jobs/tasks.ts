import type { BackupResult } from '../../../shared/domain/backups.js';
import type { ImportCommitInput, ImportPreview, ImportReport, ImportSource } from '../../../shared/domain/import.js';
import type { LicenseView } from '../../../shared/domain/query.js';
import type { StatusSettings } from '../../../shared/status/index.js';
import type { WritableDb } from '../db/connection.js';
import { takeBackup, type TakeBackupInput } from '../services/backups/take.js';
import { createImportService } from '../services/import/service.js';
import { exportLicenses } from '../services/licenses/export.js';
import type { JobContext } from '../services/progress.js';
import { buildPoDocuments, type PoDocumentBytes, type PoDocumentsInput } from '../services/documents/build.js';
import { poDocDefinition, renderPdf, type PoDocumentInput } from '../services/documents/po-pdf.js';
import { computeDue, encodeDue, type EncodedDue } from '../services/reminders/due.js';

/**
 * What a job worker can run: task name → input and output. Inputs are plain data (structured clone)
 * and carry the caller's "now", so a job sees the same clock as the IPC thread that started it.
 */
export interface TaskTypes {
  'import.preview': { input: { now: string; source: ImportSource }; output: ImportPreview };
  'import.commit': { input: { now: string; source: ImportCommitInput }; output: ImportReport };
  'export.licenses': {
    input: { view: LicenseView; format: 'csv' | 'json'; settings: StatusSettings };
    output: { fileName: string; mimeType: string; content: string; rows: number };
  };
  /** A PO's PDF and its .eml draft; the IPC thread saves them through the platform port. */
  'documents.po': { input: PoDocumentsInput; output: PoDocumentBytes };
  /** A PO's PDF alone, for the builder's preview. */
  'documents.poPdf': { input: PoDocumentInput; output: Uint8Array };
  'backup.take': { input: TakeBackupInput; output: BackupResult };
  /** What is due on a local day, encoded so that it crosses to the IPC thread without a copy. */
  'reminders.due': { input: { today: string }; output: EncodedDue };
}
export type TaskName = keyof TaskTypes;
export type TaskInput<T extends TaskName> = TaskTypes[T]['input'];
export type TaskOutput<T extends TaskName> = TaskTypes[T]['output'];

/** Store tasks run synchronously (a transaction never awaits); rendering tasks may be async. */
type TaskFns = { [T in TaskName]: (input: TaskInput<T>, ctx: JobContext) => TaskOutput<T> | Promise<TaskOutput<T>> };

/** The tasks over one connection (the worker's own). Backups are added here. */
export function createTasks(db: WritableDb): TaskFns {
  const importsAt = (now: string) => createImportService(db, { now: () => new Date(now) });
  return {
    'import.preview': ({ now, source }, ctx) => importsAt(now).preview(source, ctx),
    'import.commit': ({ now, source }, ctx) => importsAt(now).commit(source, ctx),
    'export.licenses': ({ view, format, settings }, ctx) => exportLicenses(db, view, settings, format, ctx),
    'documents.po': (input, ctx) => buildPoDocuments(input, ctx),
    'documents.poPdf': (input) => renderPdf(poDocDefinition(input)),
    'backup.take': (input, ctx) => {
      ctx.progress('copying', 0, null);
      return takeBackup(db, input);
    },
    'reminders.due': ({ today }) => encodeDue(computeDue(db, today)),
  };
}

export function runTask<T extends TaskName>(tasks: TaskFns, task: T, input: TaskInput<T>, ctx: JobContext): TaskOutput<T> | Promise<TaskOutput<T>> {
  const fn = tasks[task] as (input: TaskInput<T>, ctx: JobContext) => TaskOutput<T> | Promise<TaskOutput<T>>;
  return fn(input, ctx);
}
