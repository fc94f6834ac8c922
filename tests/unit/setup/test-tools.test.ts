import { describe, expect, it } from 'vitest';
import { findChromium, isDebianLike, setUpTestTools, type SetupDeps } from '../../../tools/setup/test-tools.js';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

interface Machine {
  files?: string[];
  commands?: string[];
  env?: Record<string, string>;
  root?: boolean;
  os?: string | null;
  playwrightInstalls?: boolean;
  aptInstalls?: boolean;
}

/** A fake machine: which files start, which commands are on PATH, and what each installer adds. */
function machine(m: Machine) {
  const files = new Set(m.files ?? []);
  const commands = new Set(m.commands ?? []);
  const ran: string[] = [];
  const lines: string[] = [];
  const pwPath = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
  const deps: SetupDeps = {
    env: m.env ?? {},
    runs: (f) => files.has(f),
    which: (c) => (commands.has(c) ? `/usr/bin/${c}` : null),
    playwrightChromium: () => pwPath,
    exec(cmd, args, env) {
      ran.push([cmd, ...args].join(' ') + (env?.DEBIAN_FRONTEND ? ' [noninteractive]' : ''));
      if (cmd === 'npx') {
        if (m.playwrightInstalls) files.add(pwPath);
        return Boolean(m.playwrightInstalls);
      }
      if (cmd === 'apt-get' && args[0] === 'install') {
        if (!m.aptInstalls) return false;
        if (args.includes('chromium')) files.add('/usr/bin/chromium');
        if (args.includes('poppler-utils')) commands.add('pdftotext');
      }
      return true;
    },
    isRoot: m.root ?? false,
    osRelease: m.os === undefined ? DEBIAN : m.os,
    log: (l) => lines.push(l),
  };
  return { deps, ran, lines, pwPath };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then the system, then Playwright’s cache, and only one that starts', () => {
    expect(findChromium(machine({ files: ['/opt/c', '/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/c' } }).deps)).toBe('/opt/c');
    expect(findChromium(machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/missing' } }).deps)).toBe('/usr/bin/chromium');
    expect(findChromium(machine({ files: ['/usr/bin/chromium-browser'] }).deps)).toBe('/usr/bin/chromium-browser');
    const m = machine({});
    expect(findChromium(machine({ files: [m.pwPath] }).deps)).toBe(m.pwPath);
    expect(findChromium(m.deps)).toBeNull();
  });

  it('LICENSE_DESK_SYSTEM_CHROMIUM replaces the system paths (how the set-up is proven on a machine that has one)', () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium'], env: { LICENSE_DESK_SYSTEM_CHROMIUM: '/nowhere/chromium' } }).deps)).toBeNull();
    expect(findChromium(machine({ files: ['/x/chromium'], env: { LICENSE_DESK_SYSTEM_CHROMIUM: '/nowhere:/x/chromium' } }).deps)).toBe('/x/chromium');
  });
});

describe('setUpTestTools', () => {
  it('does nothing when everything is there', () => {
    const m = machine({ files: ['/usr/bin/chromium'], commands: ['pdftotext'], root: true });
    expect(setUpTestTools(m.deps)).toEqual({ chromium: '/usr/bin/chromium', problems: [] });
    expect(m.ran).toEqual([]);
  });

  it('tries Playwright first and stops there when it works', () => {
    const m = machine({ commands: ['pdftotext'], root: true, playwrightInstalls: true });
    expect(setUpTestTools(m.deps)).toEqual({ chromium: m.pwPath, problems: [] });
    expect(m.ran).toEqual(['npx playwright install chromium']);
  });

  it('as root on Debian, falls back to one apt-get install with Chromium and the missing tools', () => {
    const m = machine({ root: true, aptInstalls: true });
    expect(setUpTestTools(m.deps)).toEqual({ chromium: '/usr/bin/chromium', problems: [] });
    expect(m.ran).toEqual([
      'npx playwright install chromium',
      'apt-get update -qq [noninteractive]',
      'apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils [noninteractive]',
    ]);
  });

  it('installs only the missing tool with apt-get when Chromium is there', () => {
    const m = machine({ files: ['/usr/bin/chromium'], root: true, os: UBUNTU, aptInstalls: true });
    expect(setUpTestTools(m.deps).problems).toEqual([]);
    expect(m.ran.at(-1)).toBe('apt-get install -y -qq --no-install-recommends poppler-utils [noninteractive]');
  });

  it('without root, or off Debian/Ubuntu, never runs apt-get and names the commands, one line each', () => {
    for (const m of [machine({ root: false }), machine({ root: true, os: FEDORA }), machine({ root: true, os: null })]) {
      const r = setUpTestTools(m.deps);
      expect(m.ran).toEqual(['npx playwright install chromium']);
      expect(r.chromium).toBeNull();
      expect(r.problems).toHaveLength(2);
      expect(r.problems[0]).toMatch(/^No Chromium for the e2e tests: run `npx playwright install chromium` \(or `(sudo )?apt-get install -y chromium`/);
      expect(r.problems[1]).toMatch(/^No pdftotext \(reads back purchase-order PDFs\): run `(sudo )?apt-get install -y poppler-utils`/);
    }
    expect(setUpTestTools(machine({ root: false }).deps).problems[0]).toContain('`sudo apt-get install -y chromium`');
  });

  it('reports what apt-get could not install', () => {
    const m = machine({ root: true, aptInstalls: false });
    const r = setUpTestTools(m.deps);
    expect(r.problems).toHaveLength(2);
    expect(m.lines).toContain('apt-get could not install them.');
  });
});

describe('isDebianLike', () => {
  it.each([
    [DEBIAN, true],
    [UBUNTU, true],
    ['ID=linuxmint\nID_LIKE="ubuntu debian"\n', true],
    [FEDORA, false],
    [null, false],
  ])('%j → %s', (text, expected) => expect(isDebianLike(text)).toBe(expected));
});
