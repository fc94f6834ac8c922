import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../platform/atomic-file.js';

/**
 * The second backup folder is a setting in the store, and so it is lost with a damaged or emptied
 * data file: exactly when its copies are needed. This file beside the store keeps the same path,
 * so a start that finds the store damaged or empty can still look there and offer its newest copy.
 */
export const SECOND_FOLDER_FILE = 'second-backup-folder.json';

const Stored = z.strictObject({ secondFolder: z.string().min(1).max(1000).nullable() });

/** The folder the side file names, or null (no file, or one that cannot be read as ours). */
export function readSecondFolderFile(dataDir: string): string | null {
  try {
    const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, SECOND_FOLDER_FILE), 'utf8')));
    return parsed.success ? parsed.data.secondFolder : null;
  } catch {
    return null;
  }
}

/** Keeps the side file in step with the store's setting; writes only when it differs. */
export function writeSecondFolderFile(dataDir: string, folder: string | null): void {
  if (readSecondFolderFile(dataDir) === folder && fs.existsSync(path.join(dataDir, SECOND_FOLDER_FILE))) return;
  writeFileAtomic(path.join(dataDir, SECOND_FOLDER_FILE), `${JSON.stringify({ secondFolder: folder })}\n`);
}
