import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TempDirs } from '../../fixtures/builders.js';

// cli.ts runs main() on import, so it is exercised as a built child process (npm run build:main).
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'main', 'electron', 'host', 'cli.js');
const built = fs.existsSync(CLI) && fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));

const tmp = new TempDirs();
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGKILL');
        }),
    ),
  );
  tmp.cleanup();
});

function run(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const urlLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const line = stdout.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing a URL; stderr: ${stderr}`)));
  });
  urlLine.catch(() => undefined);
  return { child, exited, urlLine, out: () => ({ stdout, stderr }) };
}

describe.skipIf(!built)('preview CLI (dist build)', () => {
  it('prints a loopback URL with a token for --data DIR --port 0, and serves it', async () => {
    const dataDir = path.join(tmp.make(), 'data');
    const p = run(['--data', dataDir, '--port', '0']);
    const line = await p.urlLine;
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    expect(p.out().stdout).toContain(`(data: ${dataDir})`);
    expect(fs.existsSync(path.join(dataDir, 'license-desk.sqlite'))).toBe(true);
    const res = await fetch(line);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('__host/bridge.js');

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it.each([
    [['--bogus'], /Unknown option --bogus/],
    [['--port', 'abc'], /--port must be a number from 0 to 65535/],
    [['--port', '70000'], /--port must be a number/],
    [['--port', '-1'], /--port must be a number/],
    [['--data'], /--data needs a value/],
  ])('%j exits non-zero with a message', async (args, message) => {
    const dataDir = path.join(tmp.make(), 'data');
    const p = run(args[0] === '--data' ? args : ['--data', dataDir, ...args]);
    const code = await p.exited;
    expect(code).toBe(1);
    expect(p.out().stderr).toMatch(message);
    expect(p.out().stdout).not.toMatch(/^http:/m);
  });

  it('--help prints usage and exits 0', async () => {
    const p = run(['--help']);
    expect(await p.exited).toBe(0);
    expect(p.out().stdout).toContain('Usage: npm run preview -- [--data DIR] [--port N]');
  });

  it('a data dir holding a newer schema exits with code 2 and the refusal message', async () => {
    const dataDir = tmp.make();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dataDir, 'license-desk.sqlite'));
    db.pragma('user_version = 99');
    db.exec('CREATE TABLE t (x)');
    db.close();
    const p = run(['--data', dataDir, '--port', '0']);
    expect(await p.exited).toBe(2);
    expect(p.out().stderr).toContain('schema version 99');
  });
});
