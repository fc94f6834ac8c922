import type { ActivationState } from '../../../shared/domain/license.js';
import type { ColumnMapping, TargetField } from './columns.js';

/**
 * Small readers for single cells, used by rows.ts. They return null for "not given" and a tagged
 * failure for "given but unreadable", so the caller can tell a missing value from a wrong one.
 */

/** A non-blank cell and the header it came from (for the report's column). */
export interface Cell {
  column: string;
  raw: string;
}

// Lists copied from web pages show a dash for "nothing here" (the old portal's "- / 30").
const PLACEHOLDERS = new Set(['-', '\u2013', '\u2014', 'n/a', 'na', '--']);

const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

function isBlankTrimmed(t: string): boolean {
  return t === '' || (t.length <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(t.toLowerCase()));
}

export function isBlank(raw: string | undefined): boolean {
  return raw === undefined || isBlankTrimmed(raw.trim());
}

/** For each field, the headers mapped to it, in the mapping's order. */
export function columnsByField(mapping: ColumnMapping): Map<TargetField, string[]> {
  const byField = new Map<TargetField, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null || field === undefined) continue;
    const list = byField.get(field) ?? [];
    list.push(header);
    byField.set(field, list);
  }
  return byField;
}

/**
 * The first non-blank cell among the headers mapped to a field. Mapping two columns to one field is
 * allowed (e.g. two note columns from different exports); the first filled one wins.
 */
export function pickCell(cells: Record<string, string>, headers: string[] | undefined): Cell | null {
  if (headers === undefined) return null;
  for (const column of headers) {
    const raw = Object.hasOwn(cells, column) ? cells[column] : undefined;
    if (raw === undefined) continue;
    const t = raw.trim();
    if (!isBlankTrimmed(t)) return { column, raw: t };
  }
  return null;
}

/**
 * "New" → new; "Active"/"Activated" (and the portal's "• Active" bullet) → activated. An expired
 * license was activated once, so "Expired" counts as activated too.
 */
const NEW_WORDS = new Set(['new', 'not activated', 'inactive', 'not active', 'no', 'false', '0', 'pending activation']);
const ACTIVATED_WORDS = new Set(['active', 'activated', 'expired', 'yes', 'true', '1', 'in use']);

export function parseActivationStatus(raw: string): ActivationState | null {
  // The words are already in the normalised form below, so an exact match needs no clean-up.
  const lower = raw.toLowerCase();
  const t = NEW_WORDS.has(lower) || ACTIVATED_WORDS.has(lower) ? lower : lower.replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (NEW_WORDS.has(t)) return 'new';
  if (ACTIVATED_WORDS.has(t)) return 'activated';
  return null;
}

/** The portal's expiry cell may carry its "RENEW NOW >" link text when copied from the page. */
export function stripRenewLink(raw: string): string {
  // The link text ends in "now", ">" or white space; a cell ending in a digit has none to strip.
  const last = raw.charCodeAt(raw.length - 1);
  if (last >= 0x30 && last <= 0x39) return raw.trim();
  return raw.replace(/\s*renew\s+now\s*>?\s*$/i, '').trim();
}

/** Long cells are shortened in messages so a report stays readable. */
export function quoteValue(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine}"`;
}

/** The License Server's Items page shows "View usage details" under each Item Id; a copied table keeps it. */
export function stripItemIdLink(raw: string): string {
  const last = raw.charCodeAt(raw.length - 1);
  if (last >= 0x30 && last <= 0x39) return raw;
  return raw.replace(/\s*view\s+usage\s+details\s*$/i, '').trim();
}
