import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakePlatform, safeFileName } from '../../../electron/core/platform/port.js';
import { createHostPlatform, defaultSaveFolder, openerCommand } from '../../../electron/host/platform.js';
import { TempDirs } from '../../fixtures/builders.js';

const tmp = new TempDirs();
afterEach(() => tmp.cleanup());

function hostPlatform(folder: string | null) {
  const opened: string[] = [];
  const notes: unknown[] = [];
  const port = createHostPlatform({ saveFolder: () => folder, notify: (n) => (notes.push(n), true), open: async (t) => void opened.push(t) });
  return { port, opened, notes };
}

describe('browser host platform', () => {
  it('saves into the named folder and never overwrites: name, name (1), name (2)', async () => {
    const dir = tmp.make('license-desk-saved-');
    const { port } = hostPlatform(dir);
    expect(port.saveTarget).toBe('folder');
    const a = await port.saveFile({ suggestedName: 'licenses.csv', content: 'one' });
    const b = await port.saveFile({ suggestedName: 'licenses.csv', content: 'two' });
    const c = await port.saveFile({ suggestedName: 'licenses.csv', content: new Uint8Array([0xe2, 0x82, 0xac]) });
    expect([a, b, c].map((f) => path.basename(f!.path))).toEqual(['licenses.csv', 'licenses (1).csv', 'licenses (2).csv']);
    expect(fs.readFileSync(a!.path, 'utf8')).toBe('one');
    expect(fs.readFileSync(b!.path, 'utf8')).toBe('two');
    expect(c!.bytes).toBe(3);
  });

  it('keeps a suggested name inside the folder', async () => {
    const dir = tmp.make('license-desk-saved-');
    const { port } = hostPlatform(dir);
    const f = await port.saveFile({ suggestedName: '../../etc/passwd', content: 'x' });
    expect(path.dirname(f!.path)).toBe(dir);
    expect(safeFileName('a:b*?.csv')).toBe('a_b__.csv');
    expect(safeFileName('...')).toBe('untitled');
  });

  it('says clearly when the folder cannot take the file', async () => {
    const dir = tmp.make('license-desk-saved-');
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const { port } = hostPlatform(blocker);
    await expect(port.saveFile({ suggestedName: 'x.csv', content: 'x' })).rejects.toThrow(/Could not save to .*not-a-folder.*Choose another folder in Settings/);
  });

  it('defaults to Downloads', () => {
    expect(defaultSaveFolder('/home/ann')).toBe(path.join('/home/ann', 'Downloads'));
  });

  it('opens only allowlisted links, and opens and reveals files through the opener', async () => {
    const { port, opened } = hostPlatform(null);
    expect(await port.openExternal('https://www.dynamsoft.com/purchase')).toBe(true);
    expect(await port.openExternal('https://evil.example/')).toBe(false);
    expect(await port.openExternal('file:///etc/passwd')).toBe(false);
    await port.openPath('/tmp/po.pdf');
    await port.showItemInFolder('/tmp/po.pdf');
    expect(opened).toEqual(['https://www.dynamsoft.com/purchase', '/tmp/po.pdf', '/tmp/po.pdf']);
  });

  it('picks each system’s opener, revealing where it can', () => {
    expect(openerCommand('linux', '/d/po.pdf', true)).toEqual(['xdg-open', ['/d']]);
    expect(openerCommand('darwin', '/d/po.pdf', true)).toEqual(['open', ['-R', '/d/po.pdf']]);
    expect(openerCommand('win32', 'C:\\d\\po.pdf', true)).toEqual(['explorer', ['/select,C:\\d\\po.pdf']]);
    expect(openerCommand('linux', '/d/po.pdf')).toEqual(['xdg-open', ['/d/po.pdf']]);
  });
});

describe('fake platform', () => {
  it('records what it is asked and can act as a cancelled dialog', async () => {
    const fake = createFakePlatform();
    fake.cancelNextSave();
    expect(await fake.saveFile({ suggestedName: 'a.csv', content: 'x' })).toBeNull();
    expect(await fake.saveFile({ suggestedName: 'a.csv', content: 'xy' })).toEqual({ path: '/fake/a.csv', bytes: 2 });
    fake.notify({ title: 't', body: 'b' });
    expect(fake.saved).toEqual([{ name: 'a.csv', content: 'xy' }]);
    expect(fake.notifications).toEqual([{ title: 't', body: 'b' }]);
  });
});
