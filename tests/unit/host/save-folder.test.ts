import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { createSaveFolderService } from '../../../electron/core/services/save-folder.js';
import { createHostPlatform } from '../../../electron/host/platform.js';
import { checkSaveFolder } from '../../../electron/host/save-folder.js';
import { TempDirs } from '../../fixtures/builders.js';

const dirs = new TempDirs();
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
  dirs.cleanup();
});

describe('the host checks a save folder before it is kept', () => {
  it('accepts an existing folder it can write to, and leaves nothing in it', async () => {
    const dir = dirs.make();
    expect(await checkSaveFolder(`${dir}${path.sep}`)).toBe(dir);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a relative path, a missing folder, a file and a place it cannot write, each saying why', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'x');
    await expect(checkSaveFolder('exports')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/whole path/) });
    await expect(checkSaveFolder(path.join(dir, 'nope'))).rejects.toMatchObject({ message: `${path.join(dir, 'nope')} does not exist. Create it first, or choose another folder.` });
    await expect(checkSaveFolder(file)).rejects.toMatchObject({ message: `${file} is a file, not a folder.` });
    // /proc takes no new files, even from root: the probe write is what tells.
    if (process.platform === 'linux') await expect(checkSaveFolder('/proc')).rejects.toMatchObject({ message: expect.stringMatching(/^License Desk cannot save files in \/proc/) });
  });
});

describe('the save folder setting', () => {
  async function service(platform: Parameters<typeof createSaveFolderService>[1] extends () => infer P ? P : never) {
    const { db } = await openStore(dirs.make());
    closers.push(() => db.close());
    return createSaveFolderService(db, () => platform);
  }

  it('in the browser host: the default until a folder is named, then that folder, where the next save goes', async () => {
    const fallback = dirs.make();
    const chosen = dirs.make();
    // The host reads the setting on each save, as host.ts wires it once the core has started.
    const kept: { svc?: Awaited<ReturnType<typeof service>> } = {};
    const host = createHostPlatform({ saveFolder: () => kept.svc!.chosen(), fallbackFolder: () => fallback, notify: () => false });
    const svc = await service(host);
    kept.svc = svc;
    expect(svc.info()).toEqual({ applies: true, chosen: null, inUse: fallback, defaultFolder: fallback });
    await expect(svc.set(path.join(chosen, 'missing'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(svc.info().chosen).toBeNull();
    expect(await svc.set(chosen)).toEqual({ applies: true, chosen, inUse: chosen, defaultFolder: fallback });
    const saved = await host.saveFile({ suggestedName: 'licenses.csv', content: 'a,b\n' });
    expect(saved?.path).toBe(path.join(chosen, 'licenses.csv'));
    expect((await svc.set(null)).inUse).toBe(fallback);
  });

  it('where each save asks with a dialog (Electron): it does not apply and cannot be set', async () => {
    const svc = await service(createFakePlatform({ saveTarget: 'dialog' }));
    expect(svc.info()).toEqual({ applies: false, chosen: null, inUse: null, defaultFolder: null });
    await expect(svc.set(dirs.make())).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/asks where to save each file/) });
  });
});
