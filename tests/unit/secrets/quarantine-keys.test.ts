import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quarantineNotice, quarantinedClearKeyFiles } from '../../../electron/core/secrets/quarantine-keys.js';
import { createVault } from '../../../electron/core/secrets/vault.js';
import { TempDirs } from '../../fixtures/builders.js';
import { DLS2_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

const tmp = new TempDirs();
afterEach(() => tmp.cleanup());

describe('quarantined data files that hold clear keys', () => {
  it('are named, untouched; files with only sealed keys or none are not', () => {
    const dir = tmp.make();
    const vault = createVault(Buffer.alloc(32, 3), 'none');
    const clear = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0), Buffer.from(`x${DLS2_KEY}y`, 'latin1')]);
    fs.writeFileSync(path.join(dir, 'license-desk.sqlite.2026-01-01'), clear);
    fs.writeFileSync(path.join(dir, 'license-desk.sqlite.2026-02-01'), Buffer.from(`trial ${TRIAL_KEY}`, 'latin1'));
    fs.writeFileSync(path.join(dir, 'license-desk.sqlite.2026-03-01'), Buffer.from(`${vault.seal(DLS2_KEY)} ${vault.seal(TRIAL_KEY)}`, 'latin1'));
    fs.writeFileSync(path.join(dir, 'license-desk.sqlite.2026-04-01'), Buffer.alloc(8192, 7));
    const files = quarantinedClearKeyFiles(dir);
    expect(files).toEqual(['license-desk.sqlite.2026-01-01', 'license-desk.sqlite.2026-02-01']);
    expect(fs.readFileSync(path.join(dir, 'license-desk.sqlite.2026-01-01')).equals(clear)).toBe(true);
    const notice = quarantineNotice(files, dir);
    expect(notice).toMatch(/2 files in .* \(license-desk.sqlite.2026-01-01, license-desk.sqlite.2026-02-01\) hold license keys unencrypted/);
    expect(notice).not.toContain(DLS2_KEY.slice(10, 30));
  });

  it('no folder or no such file: nothing to say', () => {
    expect(quarantinedClearKeyFiles(path.join(tmp.make(), 'quarantine'))).toEqual([]);
    expect(quarantineNotice([], '/x')).toBeNull();
  });
});
