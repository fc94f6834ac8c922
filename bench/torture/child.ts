import { startCore } from '../../electron/core/core.js';
import { createFakePlatform } from '../../electron/core/platform/port.js';
import { APP_ORIGIN, createSenderGuard } from '../../electron/core/ipc/sender-guard.js';
import type { Channel } from '../../shared/ipc/contract.js';
import { itemIdOf, TORTURE_MAPPING, tortureCsv, type ChildArgs, type ChildMessage } from './protocol.js';

/**
 * A License Desk core doing one kind of work in a loop until the parent kills it with SIGKILL:
 * imports, single writes, or backups with writes between them; or, for `migration`, just the start
 * (openStore migrates the store the parent prepared). Every call goes through the app's own dispatch,
 * and a write is reported only after it returned ok.
 */

const send = (m: ChildMessage) => process.send?.(m);
const sender = { url: 'app://license-desk/index.html', isMainFrame: true };

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
  const core = await startCore({
    dataDir: args.dataDir,
    appVersion: '0.0.0-torture',
    checkOutputs: false,
    isTrustedSender: createSenderGuard([APP_ORIGIN]),
    platform: createFakePlatform(),
    ...(args.workerFile ? { workerFile: args.workerFile } : {}),
  });
  const call = async (channel: Channel, input?: unknown) => {
    const r = await core.dispatch(channel, input, sender);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  send({ type: 'ready' });
  if (args.scenario === 'migration') return; // the start was the work; the parent kills or lets it be
  // Batches and ids continue from what an earlier (killed) child of the same run left.
  let next = 1 + ((core.store.db.prepare('SELECT max(CAST(item_id AS INTEGER)) AS m FROM license_items').get() as { m: number | null }).m ?? 0) / 1_000_000;
  next = Math.floor(next) + 1;
  for (;;) {
    const batch = next++;
    if (args.scenario === 'import') {
      const staged = await call('import:stage', { format: 'csv', fileName: `batch-${batch}.csv`, text: tortureCsv(batch, args.rows) });
      const report = await call('import:commit', { stagedId: staged.stagedId, mapping: TORTURE_MAPPING, mode: 'all-or-nothing' });
      if (report.written) send({ type: 'ack', kind: 'import', batch, rows: args.rows });
    } else {
      // Single writes, each its own transaction; the backup scenario takes a backup after every few.
      for (let i = 0; i < 5; i++) {
        const itemId = itemIdOf(batch, i);
        await call('licenses:create', { itemId, licenseId: null, orderId: null, productCode: 'DBR', edition: null, version: null, term: 'annual', quotaMode: 'scans', deviceWindow: null, quotaAmount: 1000, alias: null, activationStatus: 'new', activatedOn: null, expiresOn: null, maintenanceExpiresOn: null, projectCode: null, notes: '' });
        send({ type: 'ack', kind: 'write', itemId });
      }
      if (args.scenario === 'backup') {
        const r = await call('backups:create');
        send({ type: 'ack', kind: 'backup', name: (r.backup as { name: string }).name });
      }
    }
  }
}

main().catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
