/**
 * What `npm start` does before it opens a window, as decisions over injected steps (tested with
 * fakes in tests/unit/start/plan.test.ts; the real steps are in ./system.ts):
 * 1. the Electron binary: present, or fetched once with the electron package's own installer;
 * 2. better-sqlite3 built for Electron's ABI: present in the cache, or fetched once (its prebuild
 *    for the same version), to be handed to the main process as `nativeBinding`; the Node build in
 *    node_modules, which the tests and the browser host use, is never touched;
 * 3. then Electron, or, when a step could not reach the network, the browser host, saying which.
 */
export type StepResult = { ok: true } | { ok: false; reason: string };

export interface StartDeps {
  electronVersion: string;
  nodeVersion: string;
  /** The installed Electron executable, or null when it is missing. */
  electronBinary(): string | null;
  /** node_modules/electron/install.js (`install-electron`), output shown. */
  installElectron(): Promise<StepResult>;
  /** Where better-sqlite3's Electron build lives in the cache (it may not exist yet). */
  bindingPath: string;
  hasBinding(): boolean;
  fetchBinding(): Promise<StepResult>;
  log(line: string): void;
}

export type StartPlan = { kind: 'electron'; binary: string; binding: string } | { kind: 'browser-host'; reason: string };

/** Electron's downloader (@electron/get 5) declares Node >= 22.12 in its engines. */
export function nodeMeetsElectronDownloader(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

export async function planStart(deps: StartDeps): Promise<StartPlan> {
  let binary = deps.electronBinary();
  if (!binary) {
    deps.log(`Electron ${deps.electronVersion} is not downloaded yet: fetching it once with the electron package's installer (about 100 MB)…`);
    if (!nodeMeetsElectronDownloader(deps.nodeVersion)) {
      deps.log(`  (Electron's downloader wants Node >= 22.12; this is Node ${deps.nodeVersion.replace(/^v/, '')}.)`);
    }
    const installed = await deps.installElectron();
    if (!installed.ok) return { kind: 'browser-host', reason: `Could not download the Electron runtime (install-electron: ${installed.reason})` };
    binary = deps.electronBinary();
    if (!binary) return { kind: 'browser-host', reason: 'The Electron installer finished but left no executable in node_modules/electron/dist' };
    deps.log('Electron downloaded.');
  }
  if (!deps.hasBinding()) {
    deps.log(`Fetching better-sqlite3 built for Electron ${deps.electronVersion} into ${deps.bindingPath}…`);
    const fetched = await deps.fetchBinding();
    if (!fetched.ok) return { kind: 'browser-host', reason: `Could not download better-sqlite3 for Electron's ABI (prebuild-install: ${fetched.reason})` };
    if (!deps.hasBinding()) return { kind: 'browser-host', reason: `better-sqlite3's Electron build did not arrive at ${deps.bindingPath}` };
  }
  return { kind: 'electron', binary, binding: deps.bindingPath };
}

/** The line of a failed download's output that says why, e.g. `getaddrinfo ENOTFOUND github.com`. */
export function networkReason(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const network = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|getaddrinfo|HTTPError|Response code \d+/i.test(l));
  return (network ?? lines.at(-1) ?? 'no output').replace(/^.*?(warn|error|ERR!)\s+/i, '').slice(0, 200);
}
