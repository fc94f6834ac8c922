import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRecovery, recoveryPrompt } from '../../../electron/core/db/recovery.js';
import { StoreOpenError, openStore } from '../../../electron/core/db/store.js';
import { createLicenseService } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { TempDirs, fixedClock, newLicenseInput } from '../../fixtures/builders.js';

const dirs = new TempDirs();
afterEach(() => dirs.cleanup());

async function damagedStoreWithBackup(): Promise<{ dir: string; failure: StoreOpenError['failure'] }> {
  const dir = dirs.make();
  const first = await openStore(dir);
  const clock = fixedClock();
  createLicenseService(first.db, clock, createSettingsService(first.db)).create(newLicenseInput({ itemId: '900000001' }));
  await (await import('../../../electron/core/db/backup.js')).backupDatabase(first.db, first.paths.backupsDir, 'manual');
  first.db.close();
  fs.writeFileSync(path.join(dir, 'license-desk.sqlite'), 'this is not a database at all, just text that replaced it');
  try {
    await openStore(dir);
  } catch (err) {
    if (err instanceof StoreOpenError) return { dir, failure: err.failure };
    throw err;
  }
  throw new Error('expected the damaged store to be refused');
}

describe('recovery after a failed open', () => {
  it('offers the newest backup first for a damaged file, and restoring it brings the data back', async () => {
    const { dir, failure } = await damagedStoreWithBackup();
    const prompt = recoveryPrompt(failure);
    expect(prompt.actions).toEqual(['restore', 'fresh', 'quit']);
    expect(prompt.buttons[0]).toBe('Restore the newest backup');
    expect(prompt.detail).toContain('moved aside');
    applyRecovery(dir, failure, 'restore');
    const reopened = await openStore(dir);
    const count = (reopened.db.prepare('SELECT count(*) AS n FROM license_items').get() as { n: number }).n;
    reopened.db.close();
    expect(count).toBe(1);
  });

  it('starting fresh opens an empty store and keeps the quarantined file', async () => {
    const { dir, failure } = await damagedStoreWithBackup();
    applyRecovery(dir, failure, 'fresh');
    const reopened = await openStore(dir);
    expect((reopened.db.prepare('SELECT count(*) AS n FROM license_items').get() as { n: number }).n).toBe(0);
    reopened.db.close();
    expect(failure.kind === 'corrupt' && fs.existsSync(failure.quarantinedTo)).toBe(true);
  });

  it('offers only to quit for a file from a newer version', () => {
    const prompt = recoveryPrompt({ kind: 'newer', message: 'newer', databaseVersion: 9, appVersion: 3 });
    expect(prompt.actions).toEqual(['quit']);
  });

  it('offers no restore when there is no backup', () => {
    const prompt = recoveryPrompt({ kind: 'corrupt', message: 'damaged', quarantinedTo: '/q/x', backups: [] });
    expect(prompt.actions).toEqual(['fresh', 'quit']);
    expect(prompt.detail).toContain('No backup');
  });
});
