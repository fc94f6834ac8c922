import path from 'node:path';

/**
 * What `npm test` needs from the machine, and how it gets it: Chromium for the e2e suite, and the
 * command-line tools the tests call (poppler's pdftotext reads back the purchase-order PDFs).
 * The decisions are pure; everything that touches the machine comes in through `SetupDeps`.
 */
export interface SetupDeps {
  env: Record<string, string | undefined>;
  /** True when `file` exists and starts (`file --version` exits 0). */
  runs(file: string): boolean;
  /** The command's path on PATH, or null. */
  which(command: string): string | null;
  /** Where playwright-core keeps its own Chromium (PLAYWRIGHT_BROWSERS_PATH or its cache), or null. */
  playwrightChromium(): string | null;
  /** Runs a command with its output shown; true when it exits 0. */
  exec(command: string, args: string[], env?: Record<string, string>): boolean;
  isRoot: boolean;
  /** The contents of /etc/os-release, or null. */
  osRelease: string | null;
  log(line: string): void;
}

/** Debian's and Ubuntu's paths; LICENSE_DESK_SYSTEM_CHROMIUM (path-list) replaces them, e.g. to prove the set-up. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** Where `apt-get install chromium` puts it. */
export const APT_CHROMIUM = '/usr/bin/chromium';

export interface AptTool {
  command: string;
  pkg: string;
  why: string;
}

export const APT_TOOLS: readonly AptTool[] = [{ command: 'pdftotext', pkg: 'poppler-utils', why: 'reads back purchase-order PDFs' }];

export function systemChromiumPaths(env: SetupDeps['env']): string[] {
  const override = env.LICENSE_DESK_SYSTEM_CHROMIUM;
  return override === undefined ? SYSTEM_CHROMIUM : override.split(path.delimiter).filter(Boolean);
}

/** CHROMIUM_PATH, then the system's, then Playwright's cache: the first that starts. */
export function findChromium(deps: Pick<SetupDeps, 'env' | 'runs' | 'playwrightChromium'>): string | null {
  const candidates = [deps.env.CHROMIUM_PATH, ...systemChromiumPaths(deps.env), deps.playwrightChromium()];
  return candidates.find((c): c is string => Boolean(c) && deps.runs(c!)) ?? null;
}

export function isDebianLike(osRelease: string | null): boolean {
  if (!osRelease) return false;
  const ids = [...osRelease.matchAll(/^(?:ID|ID_LIKE)=(.*)$/gm)].flatMap((m) => m[1]!.replace(/["']/g, '').split(/\s+/));
  return ids.includes('debian') || ids.includes('ubuntu');
}

export interface SetupResult {
  chromium: string | null;
  /** One line per thing that could not be set up, naming the command that would. */
  problems: string[];
}

/**
 * Chromium: found, else `npx playwright install chromium`, else (root on Debian/Ubuntu) apt-get.
 * Tools: found on PATH, else apt-get in the same single install. Only what is still missing after
 * that is reported, one line each.
 */
export function setUpTestTools(deps: SetupDeps, tools: readonly AptTool[] = APT_TOOLS): SetupResult {
  let chromium = findChromium(deps);
  if (!chromium) {
    deps.log('No Chromium found (CHROMIUM_PATH, the system, Playwright\'s cache): running `npx playwright install chromium`');
    if (deps.exec('npx', ['playwright', 'install', 'chromium'])) chromium = findChromium(deps);
    if (!chromium) deps.log('Playwright could not install Chromium.');
  }
  const missingTools = tools.filter((t) => !deps.which(t.command));
  const packages = [...(chromium ? [] : ['chromium', 'fonts-dejavu-core']), ...missingTools.map((t) => t.pkg)];
  const canApt = deps.isRoot && isDebianLike(deps.osRelease);
  if (packages.length > 0 && canApt) {
    deps.log(`Installing with apt-get: ${packages.join(' ')}`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const ok = deps.exec('apt-get', ['update', '-qq'], env) && deps.exec('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], env);
    if (!ok) deps.log('apt-get could not install them.');
    if (!chromium && deps.runs(APT_CHROMIUM)) chromium = APT_CHROMIUM;
  }
  const sudo = deps.isRoot ? '' : 'sudo ';
  const problems: string[] = [];
  if (!chromium) {
    problems.push('No Chromium for the e2e tests: run `npx playwright install chromium` (or `' + sudo + 'apt-get install -y chromium` on Debian/Ubuntu), or set CHROMIUM_PATH.');
  }
  for (const t of missingTools.filter((tool) => !deps.which(tool.command))) {
    problems.push(`No ${t.command} (${t.why}): run \`${sudo}apt-get install -y ${t.pkg}\` (Debian/Ubuntu) or install ${t.pkg} with your package manager.`);
  }
  return { chromium, problems };
}
