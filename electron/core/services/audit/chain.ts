import crypto from 'node:crypto';

/** The hash the first entry follows: there is no entry before it. */
export const GENESIS_HASH = '0'.repeat(64);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * JSON with every object's keys sorted and no spaces, so the same entry always gives the same bytes
 * (the idea of RFC 8785's canonical JSON; our values are integers, booleans and short ASCII strings).
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What an entry's hash covers: everything stored about it except the hashes themselves. */
export interface ChainedFields {
  seq: number;
  at: string;
  kind: string;
  channel: string;
  licenseId: number | null;
  subject: string | null;
  actor: string;
  summary: { [key: string]: Json };
}

/** SHA-256 of the previous entry's hash followed by this entry's canonical JSON, as hex. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const body: Json = { ...entry };
  return crypto.createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}
