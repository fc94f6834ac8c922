import { z } from 'zod';
import { ImportPreview, ImportReport, StageInput, StagedCommitInput, StagedId, StagedImport, StagedPreviewInput } from '../../domain/import.js';
import { read, write } from './define.js';

export const importsChannels = {
  /** Holds the file for preview and commit (stored data is untouched until commit). */
  'import:stage': read(StageInput, StagedImport),
  'import:preview': read(StagedPreviewInput, ImportPreview),
  /** Runs as a job off the IPC thread; progress arrives as job:progress events, cancel with jobs:cancel. */
  'import:commit': write(StagedCommitInput, ImportReport),
  /** Drops a staged file the user no longer needs (the dialog closed). */
  'import:discard': read(z.strictObject({ stagedId: StagedId }), z.strictObject({ discarded: z.boolean() })),
} as const;
