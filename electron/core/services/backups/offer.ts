import path from 'node:path';
import type { BackupPlace, RestoreOffer } from '../../../../shared/domain/backups.js';
import { backupTakenAt, listBackups } from '../../db/backup.js';
import { backupIsSound } from '../../db/restore.js';

/**
 * What a start that found the data file damaged or empty offers: the newest backup that passes
 * integrity_check now, from the data folder's `backups/` or the second folder (a USB drive, a share),
 * the data folder's copy first when both hold the same one. A second folder that cannot be read
 * offers nothing, quietly: the data folder's copies stand.
 */
export function newestSoundOffer(backupsDir: string, secondFolder: string | null): RestoreOffer | null {
  const candidates: { file: string; from: BackupPlace; at: number }[] = [];
  const add = (dir: string, from: BackupPlace) => {
    try {
      for (const file of listBackups(dir)) candidates.push({ file, from, at: backupTakenAt(file).getTime() });
    } catch {
      // Unplugged or offline: nothing to offer from there.
    }
  };
  add(backupsDir, 'data');
  if (secondFolder) add(secondFolder, 'second');
  // Stable sort: on equal times the data folder's copy (added first) comes first.
  candidates.sort((a, b) => b.at - a.at);
  const sound = candidates.find((c) => backupIsSound(c.file));
  return sound ? { name: path.basename(sound.file), takenAt: new Date(sound.at).toISOString(), from: sound.from } : null;
}
