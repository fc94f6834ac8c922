import { ImportCommitInput, ImportPreview, ImportReport, ImportSource } from '../../domain/import.js';
import { read, write } from './define.js';

export const importsChannels = {
  'import:preview': read(ImportSource, ImportPreview),
  'import:commit': write(ImportCommitInput, ImportReport),
} as const;
