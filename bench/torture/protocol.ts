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
