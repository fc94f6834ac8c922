/** Messages from a torture child to the parent, over the fork channel. */
export type ChildMessage =
  | { type: 'ready' }
  /** Sent only after the call returned ok: the write is acknowledged, so it must survive a kill. */
  | { type: 'ack'; kind: 'import'; batch: number; rows: number }
  | { type: 'ack'; kind: 'write'; itemId: string }
  | { type: 'ack'; kind: 'backup'; name: string }
  | { type: 'failed'; message: string };

export type Scenario = 'import' | 'writes' | 'backup' | 'migration';

export interface ChildArgs {
  scenario: Scenario;
  dataDir: string;
  /** The compiled job worker (the torture build's own, or the unit tests' bundle). */
  workerFile?: string;
  /** Rows per import batch. */
  rows: number;
}

/** Item ids of an import batch: the batch number, then six digits. */
export const itemIdOf = (batch: number, i: number) => `${batch}${String(i).padStart(6, '0')}`;
export const batchOf = (itemId: string) => Math.floor(Number(itemId) / 1_000_000);

/** The columns the torture's import files have, mapped as the import's mapping step would. */
export const TORTURE_MAPPING = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', 'Accumulated Quota': 'quotaAmount' } as const;

/** An import file of `rows` licenses whose item ids name the batch (itemIdOf). */
export function tortureCsv(batch: number, rows: number): string {
  const lines = ['Item Id,Product,Quota Mode,Accumulated Quota'];
  for (let i = 0; i < rows; i++) lines.push(`${itemIdOf(batch, i)},DBR,scans,${1000 + i}`);
  return `${lines.join('\n')}\n`;
}
