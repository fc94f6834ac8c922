import { AsyncLocalStorage } from 'node:async_hooks';
import type { WritableDb } from './connection.js';

/**
 * What a call that writes wants to add to its own write transaction (the audit log's entry), without
 * each service having to ask for it: `writeTransaction` calls `beforeCommit` inside the outermost
 * BEGIN IMMEDIATE, after the service's work, so the addition commits or rolls back with it.
 * AsyncLocalStorage keeps concurrent calls apart: each sees only its own scope, across its awaits.
 */
export interface WriteScope {
  /** Inside the transaction, before the service's work: what the scope wants to compare against. */
  begin?(db: WritableDb): void;
  beforeCommit(db: WritableDb, result: unknown): void;
  /**
   * A write job takes the scope with it to its worker (plain data, structured clone): the worker's
   * transaction then adds the entry, and this call adds none.
   */
  handOver?(): unknown;
}

const scopes = new AsyncLocalStorage<WriteScope>();

export function withWriteScope<T>(scope: WriteScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

export function currentWriteScope(): WriteScope | undefined {
  return scopes.getStore();
}
