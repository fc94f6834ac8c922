import { auditKindOf } from '../../../../shared/domain/audit.js';
import type { ReadableDb } from '../../db/connection.js';
import type { Json } from './chain.js';

/** What an entry says about a call: worked out from the parsed input and the transaction's result. */
export interface AuditFacts {
  kind: string;
  channel: string;
  licenseId: number | null;
  subject: string | null;
  summary: { [key: string]: Json };
}

/**
 * Input strings that are codes or choices, never secrets, and so may be named in an entry. Every
 * other string (key text, notes, names, addresses, file contents, passwords) is left out: an entry
 * names the fields, not their values.
 */
const CODE_FIELDS = new Set(['itemId', 'code', 'productCode', 'handshakeCode', 'to', 'step', 'mode', 'format', 'hosting', 'choice', 'quotaMode']);
const MAX_CODE = 64;

/** Where the license a call changes is named in its input. */
export function licenseInInput(channel: string, input: unknown): number | null {
  const i = asRecord(input);
  const id = channel.startsWith('licenses:') ? i.id : i.licenseId;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/** The entry's short account of a value: ids, counts, flags, field names and codes only. */
function outline(value: Record<string, unknown>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    else if (typeof v === 'bigint') out[k] = Number(v);
    else if (typeof v === 'boolean') out[k] = v;
    else if (v === null || v === undefined) continue;
    else if (typeof v === 'string') {
      if (CODE_FIELDS.has(k) && v.length <= MAX_CODE) out[k] = v;
    } else if (Array.isArray(v)) {
      out[`${k}Count`] = v.length;
      const outcomes = v.map((e) => asRecord(e).outcome);
      if (v.length > 0 && outcomes.every((o) => typeof o === 'string' && o.length <= MAX_CODE)) out[`${k}Outcomes`] = tally(outcomes as string[]);
    } else if (typeof v === 'object' && v !== undefined) {
      const nested = Object.entries(v as Record<string, unknown>);
      // A group of counts (an import's) is kept as it is; any other object is named by its fields.
      out[k] = nested.every(([, n]) => typeof n === 'number') ? Object.fromEntries(nested as [string, number][]) : fieldNames(nested.map(([n]) => n));
    }
  }
  return out;
}

function tally(words: string[]): { [key: string]: number } {
  const out: { [key: string]: number } = {};
  for (const w of words) out[w] = (out[w] ?? 0) + 1;
  return out;
}

// An object's keys can be data too (an import mapping's keys are the file's headers): a few, short.
const MAX_NAMES = 60;
function fieldNames(names: string[]): string[] {
  return names
    .slice(0, MAX_NAMES)
    .map((n) => n.slice(0, MAX_CODE))
    .sort();
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A transaction's result worth outlining: not SQLite's own statement result ({ changes, lastInsertRowid }). */
function resultRecord(result: unknown): Record<string, unknown> {
  const r = asRecord(result);
  const keys = Object.keys(r).sort().join(',');
  return keys === 'changes,lastInsertRowid' ? {} : r;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A license row as stored, to name the columns a call changed (never their values). */
export function licenseRow(db: ReadableDb, id: number | null): Record<string, unknown> | null {
  if (id === null) return null;
  return (db.prepare('SELECT * FROM license_items WHERE id = ?').get(id) as Record<string, unknown> | undefined) ?? null;
}

// Columns the store keeps in step by itself: a change to them is not one the user made.
const DERIVED_COLUMNS = new Set(['updated_at', 'search_text']);

function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after)
    .filter((c) => !DERIVED_COLUMNS.has(c) && before[c] !== after[c])
    .map(camel)
    .sort();
}

export interface CallRecord {
  channel: string;
  input: unknown;
  /** The license the input names, as it was when the transaction began. */
  before: Record<string, unknown> | null;
}

/**
 * One entry's facts. The summary is built from the input's and the result's outline, plus, for a
 * license, which of its columns changed; the key reveal names the key and its project.
 */
export function describeCall(db: ReadableDb, call: CallRecord, result: unknown): AuditFacts {
  const input = asRecord(call.input);
  const kind = auditKindOf(call.channel);
  const resultId = typeof result === 'number' || typeof result === 'bigint' ? Number(result) : null;
  let licenseId = licenseInInput(call.channel, input);
  if (licenseId === null && call.channel === 'licenses:create') licenseId = resultId;
  const summary: { [key: string]: Json } = { ...outline(input), ...(resultId === null ? outline(resultRecord(result)) : { id: resultId }) };
  if (kind === 'licenses' || kind === 'usage' || call.channel === 'orders:fulfil') {
    const after = licenseRow(db, licenseId);
    if (call.before && after) {
      summary.changed = changedColumns(call.before, after);
      // What changed says it better than every field the form sent.
      delete summary.fields;
    }
    else if (call.before && !after) summary.deleted = true;
    const row = after ?? call.before;
    if (row && typeof row.item_id === 'string') summary.itemId = row.item_id;
  }
  if (call.channel === 'keys:reveal' && typeof input.id === 'number') {
    const key = db.prepare('SELECT k.kind, pr.handshake_code AS project FROM license_keys k LEFT JOIN projects pr ON pr.id = k.project_id WHERE k.id = ?').get(input.id) as
      | { kind: string; project: string | null }
      | undefined;
    if (key) Object.assign(summary, { keyKind: key.kind, project: key.project });
  }
  const subjectId = typeof input.id === 'number' || typeof input.id === 'string' ? input.id : typeof input.orderId === 'number' ? input.orderId : resultId;
  // A quarantined file is named by its file name (never its contents): the one thing the entry can say of it.
  const fileSubject = kind === 'quarantine' && typeof input.name === 'string' ? `quarantine:${input.name.slice(0, 255)}` : null;
  const subject = fileSubject ?? (licenseId !== null ? `license:${licenseId}` : subjectId !== null ? `${kind}:${String(subjectId).slice(0, 120)}` : typeof input.handshakeCode === 'string' ? `project:${input.handshakeCode.slice(0, 120)}` : null);
  return { kind, channel: call.channel, licenseId, subject, summary };
}
