import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdsClearKey, quarantineNotice } from '../../../electron/core/secrets/quarantine-keys.js';
import { createVault } from '../../../electron/core/secrets/vault.js';
import { TempDirs } from '../../fixtures/builders.js';
import { DLS2_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

const tmp = new TempDirs();
afterEach(() => tmp.cleanup());

describe('quarantined data files that hold clear keys', () => {
  it('are told apart by their bytes, untouched; files with only sealed keys or none are not', () => {
    const dir = tmp.make();
    const vault = createVault(Buffer.alloc(32, 3), 'none');
    const clear = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0), Buffer.from(`x${DLS2_KEY}y`, 'latin1')]);
    const file = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const dls2 = file('license-desk.sqlite.2026-01-01', clear);
    expect(holdsClearKey(dls2)).toBe(true);
    expect(fs.readFileSync(dls2).equals(clear)).toBe(true);
    expect(holdsClearKey(file('license-desk.sqlite.2026-02-01', Buffer.from(`trial ${TRIAL_KEY}`, 'latin1')))).toBe(true);
    expect(holdsClearKey(file('license-desk.sqlite.2026-03-01', Buffer.from(`${vault.seal(DLS2_KEY)} ${vault.seal(TRIAL_KEY)}`, 'latin1')))).toBe(false);
    expect(holdsClearKey(file('license-desk.sqlite.2026-04-01', Buffer.alloc(8192, 7)))).toBe(false);
  });

  it('a key across the 1 MiB chunks the file is read in is seen; a file of several chunks without one is not', () => {
    const dir = tmp.make();
    for (const at of [(1 << 20) - 20, (1 << 20) - 1, 1 << 20, 3 * (1 << 20) - 30]) {
      const bytes = Buffer.concat([Buffer.alloc(at, 0), Buffer.from(TRIAL_KEY, 'latin1'), Buffer.alloc(100, 0)]);
      fs.writeFileSync(path.join(dir, 'q'), bytes);
      expect({ at, holds: holdsClearKey(path.join(dir, 'q')) }).toEqual({ at, holds: true });
    }
    // The key's first 44 bytes end one chunk and nothing follows in the next: not a key.
    fs.writeFileSync(path.join(dir, 'q'), Buffer.concat([Buffer.alloc((1 << 20) - 44, 0), Buffer.from(TRIAL_KEY.slice(0, 44), 'latin1'), Buffer.alloc(3 << 20, 0)]));
    expect(holdsClearKey(path.join(dir, 'q'))).toBe(false);
  });

  it('the notice names the files and where in Settings to delete them, never a key', () => {
    const two = quarantineNotice(['license-desk.sqlite.2026-01-01', 'license-desk.sqlite.2026-02-01'], '/data/quarantine');
    expect(two).toMatch(/^2 files in \/data\/quarantine \(license-desk.sqlite.2026-01-01, license-desk.sqlite.2026-02-01\) hold license keys unencrypted/);
    expect(two).toContain('damaged data files from an earlier version, kept untouched so their data can be rescued. Delete them in Settings → Quarantined files');
    const one = quarantineNotice(['license-desk.sqlite.2026-01-01'], '/data/quarantine');
    expect(one).toMatch(/^license-desk.sqlite.2026-01-01 in \/data\/quarantine holds license keys unencrypted: a damaged data file from an earlier version, kept untouched so its data can be rescued\. Delete it in Settings → Quarantined files/);
    expect(quarantineNotice([], '/x')).toBeNull();
  });
});
