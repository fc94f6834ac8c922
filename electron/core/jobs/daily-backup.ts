import type { BackupResult } from '../../../shared/domain/backups.js';
import type { Clock } from '../clock.js';
import { catalog } from '../services/backups/catalog.js';
import { dailyBackupDue } from '../services/backups/retention.js';
import type { BackupService } from '../services/backups/service.js';
import type { JobServices } from './services.js';

/**
 * The first start of each local day takes a backup, in the job worker so the start is not held up.
 * What the user must know (it failed, the second folder was not reachable) goes to `report`; it is
 * never an error for the start.
 */
export function startDailyBackup(jobs: JobServices['backups'], backups: Pick<BackupService, 'backupsDir'>, clock: Clock, report: (message: string) => void): Promise<BackupResult | null> {
  const dailies = catalog(backups.backupsDir)
    .filter((b) => b.reason === 'daily')
    .map((b) => ({ name: b.name, takenAt: new Date(b.takenAt) }));
  if (!dailyBackupDue(dailies, clock.now())) return Promise.resolve(null);
  return jobs.take('daily').then(
    (result) => {
      if (result.secondCopy && !result.secondCopy.ok && result.secondCopy.message) report(result.secondCopy.message);
      return result;
    },
    (err: unknown) => {
      report(`Today's backup could not be taken: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    },
  );
}
