import { formatPoNumber, type PoSettings } from '../../../../shared/domain/company.js';
import type { WritableDb } from '../../db/connection.js';

/**
 * Takes the next PO number: prefix + zero-padded sequence, skipping any number already in the ledger
 * (a prefix changed back, a sequence moved). Must run inside the write transaction that creates the
 * PO: BEGIN IMMEDIATE serialises writers across connections, so two POs created at once read and
 * advance the counter one after the other and never share a number.
 */
export function takePoNumber(db: WritableDb, settings: Pick<PoSettings, 'numberPrefix' | 'sequenceDigits'>, nowIso: string): string {
  if (!db.inTransaction) throw new Error('takePoNumber must run inside a write transaction');
  let seq = (db.prepare('SELECT next_sequence AS n FROM po_counter WHERE id = 1').get() as { n: number }).n;
  const taken = db.prepare('SELECT 1 FROM po_numbers WHERE number = ?');
  let number = formatPoNumber(settings.numberPrefix, seq, settings.sequenceDigits);
  while (taken.get(number)) {
    seq += 1;
    number = formatPoNumber(settings.numberPrefix, seq, settings.sequenceDigits);
  }
  db.prepare('INSERT INTO po_numbers (number, issued_at) VALUES (?, ?)').run(number, nowIso);
  db.prepare('UPDATE po_counter SET next_sequence = ? WHERE id = 1').run(seq + 1);
  return number;
}
