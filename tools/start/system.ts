import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { networkReason, type StartDeps, type StepResult } from './plan.js';

/**
 * The real steps behind planStart, and the better-sqlite3 Electron build for packaging
 * (scripts/after-pack.mjs). Nothing here changes node_modules' own better-sqlite3 build.
 */
export interface NativeTarget {
  platform: string;
  arch: string;
}

function readJson(file: string): { version: string } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
}

export function electronInfo(root: string): { dir: string; version: string; abi: string } {
  const dir = path.join(root, 'node_modules/electron');
  return { dir, version: readJson(path.join(dir, 'package.json')).version, abi: fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim() };
}

/** LICENSE_DESK_NATIVE_CACHE, or node_modules/.cache/license-desk (gone with node_modules, never committed). */
export function nativeCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.LICENSE_DESK_NATIVE_CACHE || path.join(root, 'node_modules/.cache/license-desk');
}

/** The cached better_sqlite3.node for Electron's ABI on one platform and architecture. */
export function electronSqliteFile(root: string, target: NativeTarget, env: NodeJS.ProcessEnv = process.env): string {
  const sqlite = readJson(path.join(root, 'node_modules/better-sqlite3/package.json')).version;
  const { abi } = electronInfo(root);
  return path.join(nativeCacheDir(root, env), `better-sqlite3-${sqlite}-electron-v${abi}-${target.platform}-${target.arch}`, 'better_sqlite3.node');
}

/** Runs a command, showing its output as it comes and keeping it for the reason of a failure. */
function runShown(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (to: NodeJS.WriteStream) => (d: Buffer) => {
      output += d.toString();
      to.write(d);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('error', (err) => resolve({ ok: false, output: `${output}\n${err.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/**
 * better-sqlite3's own prebuild for Electron (prebuild-install, the tool its install script uses),
 * fetched in a scratch folder and moved into the cache. npm's config variables are dropped so a
 * `nodedir` or `build_from_source` meant for the Node build cannot redirect it.
 */
export async function fetchElectronSqlite(root: string, target: NativeTarget, env: NodeJS.ProcessEnv = process.env): Promise<StepResult> {
  const sqliteDir = path.join(root, 'node_modules/better-sqlite3');
  const bin = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-sqlite-'));
  try {
    fs.copyFileSync(path.join(sqliteDir, 'package.json'), path.join(work, 'package.json'));
    const cleanEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_config_/i.test(k)));
    const args = [bin, '--runtime', 'electron', '--target', electronInfo(root).version, '--platform', target.platform, '--arch', target.arch, '--verbose'];
    const run = await runShown(process.execPath, args, { cwd: work, env: cleanEnv });
    const built = path.join(work, 'build/Release/better_sqlite3.node');
    if (!run.ok || !fs.existsSync(built)) return { ok: false, reason: networkReason(run.output) };
    const file = electronSqliteFile(root, target, env);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(built, `${file}.partial`);
    fs.renameSync(`${file}.partial`, file);
    return { ok: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function systemStartDeps(root: string): StartDeps {
  const electron = electronInfo(root);
  const target = { platform: process.platform, arch: process.arch };
  const bindingPath = electronSqliteFile(root, target);
  return {
    electronVersion: electron.version,
    nodeVersion: process.version,
    electronBinary() {
      const pathFile = path.join(electron.dir, 'path.txt');
      if (!fs.existsSync(pathFile)) return null;
      const binary = path.join(electron.dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
      return fs.existsSync(binary) ? binary : null;
    },
    async installElectron() {
      const run = await runShown(process.execPath, [path.join(electron.dir, 'install.js')]);
      return run.ok ? { ok: true } : { ok: false, reason: networkReason(run.output) };
    },
    bindingPath,
    hasBinding: () => fs.existsSync(bindingPath),
    fetchBinding: () => fetchElectronSqlite(root, target),
    log: (line) => console.log(line),
  };
}
