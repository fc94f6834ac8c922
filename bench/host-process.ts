import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The built browser host (`npm run preview`), started as its own process like a user would run it. */
const CLI = path.resolve(__dirname, '../electron/host/cli.js');

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  /** Calls a channel over HTTP with the token, as the bridge does; returns the value and the round trip. */
  call<T>(channel: string, input: unknown): Promise<{ value: T; ms: number }>;
  stop(): Promise<void>;
}

export function startHostProcess(dataDir: string): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Host did not start in 60 s. stderr: ${err}`));
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (!line || started) return;
      started = true;
      clearTimeout(timer);
      const url = new URL(line.trim());
      const token = url.searchParams.get('token') ?? '';
      resolve({
        url: line.trim(),
        origin: url.origin,
        token,
        async call<T>(channel: string, input: unknown) {
          const t0 = performance.now();
          const res = await fetch(`${url.origin}/__host/ipc/${encodeURIComponent(channel)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-license-desk-token': token },
            body: JSON.stringify({ input }),
          });
          const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
          const ms = performance.now() - t0;
          if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
          return { value: body.value as T, ms };
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`Host exited with code ${code} before printing its URL. stderr: ${err}`));
    });
  });
}
