import { afterEach } from 'vitest';
import type { Clock } from '../../../electron/core/clock.js';
import { startCore, type Core } from '../../../electron/core/core.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { TEST_WORKER_FILE } from '../../support/build-worker.js';
import { TempDirs } from '../../fixtures/builders.js';

export const SENDER = { url: 'app://license-desk/index.html', isMainFrame: true };

/** A clock that moves on a second at each reading, so backups taken one after another have their own times. */
export function tickingClock(iso: string): Clock {
  let ms = Date.parse(iso);
  return { now: () => new Date((ms += 1000)) };
}

/**
 * Whole cores (startCore, as the app starts one) over data folders of their own, for the backup
 * suites; closed with their folders after each test.
 */
export function coreHarness() {
  const dirs = new TempDirs();
  const cores: Core[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
    dirs.cleanup();
  });

  /** The daily backup is off unless asked for: most backup tests take their own. */
  async function start(dir: string, options: { clock?: Clock; dailyBackup?: boolean } = {}): Promise<Core> {
    const clock = options.clock ?? tickingClock('2026-07-10T09:00:00.000Z');
    const c = await startCore({ dataDir: dir, appVersion: '0.0.0-test', checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), platform: createFakePlatform(), clock, workerFile: TEST_WORKER_FILE, dailyBackup: options.dailyBackup ?? false });
    cores.push(c);
    return c;
  }

  async function closeLast(): Promise<void> {
    await cores.pop()!.close();
  }

  return { dirs, start, closeLast };
}

export async function call<T>(c: Core, channel: Parameters<Core['dispatch']>[0], input?: unknown): Promise<T> {
  const r = await c.dispatch(channel, input, SENDER);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export const licenseCount = async (c: Core, asOf = '2026-07-10') => (await call<{ total: number }>(c, 'licenses:list', { asOf })).total;
