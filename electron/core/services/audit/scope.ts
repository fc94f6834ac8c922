import type { WritableDb } from '../../db/connection.js';
import type { WriteScope } from '../../db/write-scope.js';
import { describeCall, licenseInInput, licenseRow } from './facts.js';
import { appendEntry } from './log.js';

/** What a write job carries to its worker so the worker's transaction writes the call's entry. */
export interface AuditHandover {
  channel: string;
  input: unknown;
  actor: string;
  at: string;
}

export interface AuditScope extends WriteScope {
  /** An entry was written in one of the call's transactions. */
  readonly recorded: boolean;
  /** The call's write went to a job worker, which writes the entry in its own transaction. */
  readonly handedOver: boolean;
  /** The call opened a write transaction on the store (changed or not). */
  readonly transacted: boolean;
}

const totalChanges = (db: WritableDb) => db.prepare('SELECT total_changes()').pluck().get() as number;

/**
 * The audit log's part in one call's writes: the first outermost write transaction on `db` gets the
 * entry, written just before it commits, so a write that rolls back leaves no entry and one that
 * commits always has its entry. Later transactions of the same call add none (one entry per call),
 * and a call that changed nothing (a refused import, a closed save dialog) leaves none.
 */
export function auditScope(db: WritableDb, call: Omit<AuditHandover, 'at'>, at: () => string): AuditScope {
  let before: Record<string, unknown> | null = null;
  let changesAtBegin = 0;
  let recorded = false;
  let handedOver = false;
  let transacted = false;
  return {
    get transacted() {
      return transacted;
    },
    get recorded() {
      return recorded;
    },
    get handedOver() {
      return handedOver;
    },
    begin(tx) {
      if (tx !== db || recorded) return;
      transacted = true;
      changesAtBegin = totalChanges(db);
      before = licenseRow(db, licenseInInput(call.channel, call.input));
    },
    beforeCommit(tx, result) {
      // A transaction that changed nothing (an import refused whole) gets no entry: the file stays as it was.
      if (tx !== db || recorded || totalChanges(db) === changesAtBegin) return;
      appendEntry(db, describeCall(db, { channel: call.channel, input: call.input, before }, result), at(), call.actor);
      recorded = true;
    },
    handOver(): AuditHandover {
      handedOver = true;
      return { ...call, at: at() };
    },
  };
}

/** The scope a job worker runs a handed-over write in, over its own connection. */
export function jobAuditScope(db: WritableDb, handover: AuditHandover): AuditScope {
  return auditScope(db, handover, () => handover.at);
}

/** The entry of a call that writes nothing itself (a key reveal), in a transaction of its own. */
export function appendStandalone(db: WritableDb, call: Omit<AuditHandover, 'at'>, at: string): void {
  db.transaction(() => appendEntry(db, describeCall(db, { channel: call.channel, input: call.input, before: null }, undefined), at, call.actor)).immediate();
}
