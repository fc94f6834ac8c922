export { IMPORT_FIELD_LABELS as TARGET_FIELD_LABELS, KEY_KIND_LABELS } from '../../../../shared/domain/labels';
import type { ImportCounts, RowRejection } from '../../../../shared/domain/import';
import type { KeyCheck } from '../../../../shared/domain/project';
import { count } from '../../components/count';

export { count };

/** "Line 8 · Usage/Maintenance Expiry Date · Expiry date "2025-11-31" is not a date" */
export function describeRejection(r: RowRejection): string {
  return [`Line ${r.line}`, r.column, r.message].filter((part) => part !== null && part !== '').join(' · ');
}


/** The outcome column of the key table, in the same words before and after importing. */
export function keyOutcomeLabel(c: KeyCheck): string {
  switch (c.outcome) {
    case 'created':
      return c.projectCode !== null ? 'New project' : 'New key';
    case 'attached':
      return 'Adds to existing project';
    case 'duplicate':
      return 'Already stored';
    case 'rejected':
      return `Rejected: ${c.error ?? 'not a license key'}`;
  }
}

/** "1 project created, 0 keys attached, 0 already stored, 1 rejected" (after importing). */
export function keyReportSummary(checks: KeyCheck[]): string {
  const n = (o: KeyCheck['outcome'], withProject?: boolean) =>
    checks.filter((c) => c.outcome === o && (withProject === undefined || (c.projectCode !== null) === withProject)).length;
  const parts = [count(n('created', true), 'project') + ' created'];
  const loose = n('created', false);
  if (loose > 0) parts.push(`${count(loose, 'key')} without a project stored`);
  parts.push(`${count(n('attached'), 'key')} attached`, `${n('duplicate').toLocaleString()} already stored`, `${n('rejected').toLocaleString()} rejected`);
  return parts.join(', ');
}

/** "2 keys found: 1 new project, 1 rejected. Nothing is stored until you import." (before importing) */
export function keyCheckSummary(checks: KeyCheck[]): string {
  const by = (o: KeyCheck['outcome']) => checks.filter((c) => c.outcome === o).length;
  const parts: string[] = [];
  const created = checks.filter((c) => c.outcome === 'created');
  const projects = created.filter((c) => c.projectCode !== null).length;
  if (projects) parts.push(count(projects, 'new project'));
  if (created.length - projects) parts.push(count(created.length - projects, 'new key') + ' without a project');
  if (by('attached')) parts.push(`${count(by('attached'), 'key')} for existing projects`);
  if (by('duplicate')) parts.push(`${by('duplicate').toLocaleString()} already stored`);
  if (by('rejected')) parts.push(`${by('rejected').toLocaleString()} rejected`);
  return `${count(checks.length, 'key')} found${parts.length ? `: ${parts.join(', ')}` : ''}. Nothing is stored until you choose Import keys.`;
}

export function hasRejections(checks: KeyCheck[]): boolean {
  return checks.some((c) => c.outcome === 'rejected');
}

/** Keys an import would add: new ones, not rejected or already stored. */
export function keysToImport(checks: KeyCheck[]): number {
  return checks.filter((c) => c.outcome === 'created' || c.outcome === 'attached').length;
}

/** Rows that would be written or are already stored as they are: everything read but the rejected rows. */
export function validRows(c: ImportCounts): number {
  return c.imported + c.updated + c.skipped;
}

/** "Rejected rows: 1 (3 problems)": the list shows problems, and a row can have several. */
export function rejectionHeading(rejections: readonly RowRejection[]): string {
  const rows = new Set(rejections.map((r) => r.line)).size;
  return rows === rejections.length ? `Rejected rows (${rows.toLocaleString()})` : `Rejected rows (${rows.toLocaleString()}, ${count(rejections.length, 'problem')})`;
}
