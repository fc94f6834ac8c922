import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/main/electron/host/cli.js');

export interface HostProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real `npm run preview` program (built) on a data folder and waits for its URL. */
export function startHostProcess(dataDir: string, extraEnv: Record<string, string> = {}, saveFolder?: string): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const args = [CLI, '--data', dataDir, '--port', '0', ...(saveFolder ? ['--save-folder', saveFolder] : [])];
    const child: ChildProcess = spawn(process.execPath, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Host did not start in 15 s. stderr: ${err}`));
    }, 15_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url: url.trim(),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Host exited with code ${code} before printing its URL. stderr: ${err}`));
    });
  });
}
