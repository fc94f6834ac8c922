import type { AuditEntry, AuditPage, AuditQuery, AuditVerification } from '../../../../shared/domain/audit.js';
import type { ReadableDb, WritableDb } from '../../db/connection.js';
import { GENESIS_HASH, entryHash, type ChainedFields, type Json } from './chain.js';
import type { AuditFacts } from './facts.js';

/** An entry as the table stores it. */
export interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  channel: string;
  license_id: number | null;
  subject: string | null;
  actor: string;
  summary: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one entry after the newest. Called inside a BEGIN IMMEDIATE transaction (the write's own),
 * which no other connection can hold at the same time, so two entries never claim the same place.
 */
export function appendEntry(db: WritableDb, facts: AuditFacts, at: string, actor: string): AuditEntry {
  if (!db.inTransaction) throw new Error('An audit entry is written inside the write transaction it records');
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const fields: ChainedFields = { seq: (last?.seq ?? 0) + 1, at, kind: facts.kind, channel: facts.channel, licenseId: facts.licenseId, subject: facts.subject, actor, summary: facts.summary };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, fields);
  db.prepare(
    `INSERT INTO audit_log (seq, at, kind, channel, license_id, subject, actor, summary, prev_hash, hash)
     VALUES (@seq, @at, @kind, @channel, @licenseId, @subject, @actor, @summary, @prevHash, @hash)`,
  ).run({ ...fields, summary: JSON.stringify(fields.summary), prevHash, hash });
  return { ...fields, prevHash, hash };
}

function toEntry(r: AuditRow): AuditEntry {
  return { seq: r.seq, at: r.at, kind: r.kind, channel: r.channel, licenseId: r.license_id, subject: r.subject, actor: r.actor, summary: JSON.parse(r.summary) as AuditEntry['summary'], prevHash: r.prev_hash, hash: r.hash };
}

/** Newest first. Dates are whole UTC days, both ends included. */
export function listEntries(db: ReadableDb, q: Required<Pick<AuditQuery, 'offset' | 'limit'>> & Omit<AuditQuery, 'offset' | 'limit'>): AuditPage {
  const conditions: [string, string, unknown][] = [
    ['license_id = @licenseId', 'licenseId', q.licenseId],
    ["json_extract(summary, '$.itemId') = @itemId", 'itemId', q.itemId],
    ['kind = @kind', 'kind', q.kind],
    ['channel = @channel', 'channel', q.channel],
    ['at >= @from', 'from', q.from && `${q.from}T00:00:00.000Z`],
    ['at < @to', 'to', q.to && nextDay(q.to)],
  ];
  const used = conditions.filter(([, , v]) => v !== undefined && v !== '');
  const where = used.map(([sql]) => sql);
  const params = Object.fromEntries(used.map(([, name, v]) => [name, v]));
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM audit_log ${sql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as AuditRow[];
  return { total, entries: rows.map(toEntry) };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

function parsedSummary(text: string): { [key: string]: Json } | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as { [key: string]: Json }) : null;
  } catch {
    return null;
  }
}

/**
 * Walks the chain from the first entry: each must follow the one before (its number and its
 * previous hash) and hash to what it stores. The first that does not is named with why. Removing
 * the newest entries cannot be told from a shorter log; every other change can.
 */
export function verifyLog(db: ReadableDb): AuditVerification {
  let prev: { seq: number; hash: string } | null = null;
  let count = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = (reason: string): AuditVerification => ({ intact: false, count, brokenSeq: r.seq, reason });
    const expectedSeq: number = (prev?.seq ?? 0) + 1;
    if (r.seq !== expectedSeq) return broken(prev ? `Entry ${expectedSeq} is missing: entry ${r.seq} follows entry ${prev.seq}.` : `The log starts at entry ${r.seq}: the entries before it are missing.`);
    if (r.prev_hash !== (prev?.hash ?? GENESIS_HASH)) return broken(`Entry ${r.seq} does not follow the entry before it: its previous hash does not match.`);
    const summary = parsedSummary(r.summary);
    if (!summary) return broken(`Entry ${r.seq}'s summary is not what was written.`);
    const fields: ChainedFields = { seq: r.seq, at: r.at, kind: r.kind, channel: r.channel, licenseId: r.license_id, subject: r.subject, actor: r.actor, summary };
    if (entryHash(r.prev_hash, fields) !== r.hash) return broken(`Entry ${r.seq} was changed after it was written: its hash does not match its contents.`);
    prev = { seq: r.seq, hash: r.hash };
    count++;
  }
  return { intact: true, count, lastSeq: prev?.seq ?? null };
}

/** Every entry, oldest first, with its chain: enough to check the chain again outside the app. */
export function allEntries(db: ReadableDb): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).map(toEntry);
}
