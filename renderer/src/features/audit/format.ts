import { auditKindLabel } from '../../../../shared/domain/audit';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../components/dates';

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** "Licenses · update", "License keys · reveal": the entry's kind and what was done. */
export function channelLabel(channel: string): string {
  const colon = channel.indexOf(':');
  const verb = words(channel.slice(colon + 1));
  return `${auditKindLabel(channel.slice(0, colon))} · ${verb}`;
}

function valueText(v: AuditEntry['summary'][string]): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x)).join(', ') : 'none';
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, n]) => `${words(k)} ${valueText(n)}`).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v.toLocaleString();
  return String(v);
}

/** The summary as short "name: value" parts, most telling first (what changed, the item). */
export function summaryParts(summary: AuditEntry['summary']): { name: string; value: string }[] {
  const first = ['changed', 'itemId', 'deleted', 'counts'];
  const keys = Object.keys(summary).sort((a, b) => (first.includes(a) ? first.indexOf(a) : 99) - (first.includes(b) ? first.indexOf(b) : 99));
  return keys.map((k) => ({ name: k === 'itemId' ? 'item' : words(k), value: valueText(summary[k]!) }));
}

/** A stored instant in the viewer's local time and the app's one date format, to the second (exports keep ISO). */
export function formatAt(iso: string): string {
  return formatDateTime(iso, { seconds: true });
}
