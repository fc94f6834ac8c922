import { describe, expect, it } from 'vitest';
import { networkReason, nodeMeetsElectronDownloader, planStart, type StartDeps, type StepResult } from '../../../tools/start/plan.js';

/** A machine in memory: what is installed, what the downloads do, and what was printed and run. */
function machine(state: { binary?: boolean; binding?: boolean; electronDownload?: StepResult; bindingDownload?: StepResult; installerLeavesBinary?: boolean }) {
  const calls: string[] = [];
  const lines: string[] = [];
  let binary = state.binary ?? false;
  let binding = state.binding ?? false;
  const deps: StartDeps = {
    electronVersion: '45.5.0',
    nodeVersion: 'v20.20.2',
    electronBinary: () => (binary ? '/app/node_modules/electron/dist/electron' : null),
    async installElectron() {
      calls.push('install-electron');
      const r = state.electronDownload ?? { ok: true };
      if (r.ok && state.installerLeavesBinary !== false) binary = true;
      return r;
    },
    bindingPath: '/cache/better_sqlite3.node',
    hasBinding: () => binding,
    async fetchBinding() {
      calls.push('fetch-binding');
      const r = state.bindingDownload ?? { ok: true };
      if (r.ok) binding = true;
      return r;
    },
    log: (l) => lines.push(l),
  };
  return { deps, calls, lines };
}

describe('planStart', () => {
  it('opens Electron at once when the binary and the Electron build of better-sqlite3 are both there', async () => {
    const m = machine({ binary: true, binding: true });
    expect(await planStart(m.deps)).toEqual({ kind: 'electron', binary: '/app/node_modules/electron/dist/electron', binding: '/cache/better_sqlite3.node' });
    expect(m.calls).toEqual([]);
  });

  it('fetches a missing binary with the installer, saying so, then opens Electron', async () => {
    const m = machine({ binary: false, binding: true });
    expect(await planStart(m.deps)).toMatchObject({ kind: 'electron' });
    expect(m.calls).toEqual(['install-electron']);
    expect(m.lines[0]).toMatch(/Electron 45\.5\.0 is not downloaded yet: fetching it once/);
    expect(m.lines.join('\n')).toMatch(/wants Node >= 22\.12; this is Node 20\.20\.2/);
  });

  it('falls back to the browser host naming the Electron download when it cannot reach the network', async () => {
    const m = machine({ binary: false, electronDownload: { ok: false, reason: 'TypeError: fetch failed' } });
    const plan = await planStart(m.deps);
    expect(plan).toEqual({ kind: 'browser-host', reason: 'Could not download the Electron runtime (install-electron: TypeError: fetch failed)' });
    expect(m.calls).toEqual(['install-electron']);
  });

  it('does not trust an installer that reported success but left no executable', async () => {
    const m = machine({ binary: false, installerLeavesBinary: false });
    expect(await planStart(m.deps)).toMatchObject({ kind: 'browser-host', reason: expect.stringMatching(/left no executable/) });
  });

  it('fetches a missing Electron build of better-sqlite3 into the cache, then opens Electron with it', async () => {
    const m = machine({ binary: true, binding: false });
    expect(await planStart(m.deps)).toEqual({ kind: 'electron', binary: '/app/node_modules/electron/dist/electron', binding: '/cache/better_sqlite3.node' });
    expect(m.calls).toEqual(['fetch-binding']);
    expect(m.lines[0]).toMatch(/better-sqlite3 built for Electron 45\.5\.0 into \/cache\/better_sqlite3\.node/);
  });

  it('falls back to the browser host naming the better-sqlite3 download when that one fails', async () => {
    const m = machine({ binary: true, binding: false, bindingDownload: { ok: false, reason: 'getaddrinfo ENOTFOUND github.com' } });
    expect(await planStart(m.deps)).toEqual({
      kind: 'browser-host',
      reason: "Could not download better-sqlite3 for Electron's ABI (prebuild-install: getaddrinfo ENOTFOUND github.com)",
    });
  });

  it('does both downloads on a fresh machine, Electron first', async () => {
    const m = machine({});
    expect(await planStart(m.deps)).toMatchObject({ kind: 'electron' });
    expect(m.calls).toEqual(['install-electron', 'fetch-binding']);
  });
});

describe('helpers', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.11.0', false],
    ['v22.12.0', true],
    ['v24.1.0', true],
  ])('Node %s meets the Electron downloader: %s', (v, ok) => expect(nodeMeetsElectronDownloader(v)).toBe(ok));

  it('networkReason picks the line that says what the network did', () => {
    expect(networkReason('prebuild-install info begin\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n')).toBe('install getaddrinfo ENOTFOUND github.com');
    expect(networkReason('TypeError: fetch failed\n    at node:internal/deps/undici\n')).toBe('TypeError: fetch failed');
    expect(networkReason('something else broke\n')).toBe('something else broke');
    expect(networkReason('')).toBe('no output');
  });
});
