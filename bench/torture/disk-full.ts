import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/core/core.js';
import { APP_ORIGIN, createSenderGuard } from '../../electron/core/ipc/sender-guard.js';
import { createFakePlatform } from '../../electron/core/platform/port.js';
import { addFigures, check, emptyFigures, mountTmpfs, noAcks, unmount, type Figures } from './harness.js';
import { TORTURE_MAPPING, tortureCsv } from './protocol.js';

const sender = { url: 'app://license-desk/index.html', isMainFrame: true };

/**
 * Disk full for real: the store on a small tmpfs, imports until the disk is full. The failing import
 * must answer DISK_FULL and write nothing; a backup on the full disk must leave no partial file
 * behind; the next start on the full disk must open (read-only, with its banner) and show every
 * acknowledged import; once space is freed, the same checks as after a kill.
 */
export async function diskFullRun(rnd: () => number, workerFile?: string): Promise<Figures | { skipped: string }> {
  const mount = mountTmpfs('3m');
  if ('skipped' in mount) return mount;
  const f = emptyFigures();
  const acks = noAcks();
  const dir = path.join(mount.dir, 'data');
  try {
    const options = { dataDir: dir, appVersion: '0.0.0-torture', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), platform: createFakePlatform(), ...(workerFile ? { workerFile } : {}) };
    let core = await startCore(options);
    const rows = 1500 + Math.floor(rnd() * 3000);
    let failed: { code: string; message: string } | null = null;
    for (let batch = 1; batch < 200 && !failed; batch++) {
      const staged = await core.dispatch('import:stage', { format: 'csv', fileName: `b${batch}.csv`, text: tortureCsv(batch, rows) }, sender);
      if (!staged.ok) {
        failed = staged.error;
        break;
      }
      const r = await core.dispatch('import:commit', { stagedId: (staged.value as { stagedId: string }).stagedId, mapping: TORTURE_MAPPING, mode: 'all-or-nothing' }, sender);
      if (r.ok) acks.imports.set(batch, rows);
      else failed = r.error;
    }
    if (failed?.code !== 'DISK_FULL') {
      f.integrityFailures++;
      f.problems.push(`the import on the full disk answered ${failed ? `${failed.code}: ${failed.message}` : 'nothing (the disk never filled)'}`);
    }
    const backup = await core.dispatch('backups:create', undefined, sender);
    if (backup.ok) acks.backups.add((backup.value as { backup: { name: string } }).backup.name);
    const backups = path.join(dir, 'backups');
    if (fs.existsSync(backups) && fs.readdirSync(backups).some((n) => n.endsWith('.partial'))) {
      f.integrityFailures++;
      f.problems.push('a backup on the full disk left its partial file behind');
    }
    await core.close();

    // The next start on the full disk: it opens, and every acknowledged license is visible.
    core = await startCore(options);
    const list = await core.dispatch('licenses:list', { asOf: '2026-07-10' }, sender);
    const expected = acks.imports.size * rows;
    const shown = list.ok ? (list.value as { total: number }).total : 0;
    if (shown !== expected) {
      f.lostAcknowledgedWrites += Math.max(0, expected - shown);
      f.problems.push(`the start on the full disk shows ${list.ok ? shown : list.error.message} licenses, expected ${expected}`);
    }
    await core.close();

    // Space freed (the tmpfs grown): the files as they are, then a writable start, as after any kill.
    execFileSync('mount', ['-o', 'remount,size=64m', mount.dir]);
    const after = await check(dir, acks, 'import', rows, null);
    after.kills = 0;
    addFigures(f, after);
  } finally {
    unmount(mount.dir);
  }
  return f;
}
