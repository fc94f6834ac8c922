import { AppError } from '../../errors.js';
import type { LicenseWriter } from './write.js';

/**
 * Puts many items on one project (or on none) in the caller's transaction: each through the same
 * row writer as an edit, so search text and history follow. Any id that is not recorded refuses the
 * whole write, naming how many were missing (nothing is half done).
 */
export function assignProject(writer: LicenseWriter, ids: readonly number[], projectCode: string | null): { updated: number } {
  const unique = [...new Set(ids)];
  const items = unique.map((id) => ({ id, fields: writer.current(id) }));
  const missing = items.filter((i) => i.fields === null).length;
  if (missing > 0) {
    throw new AppError('NOT_FOUND', `${missing} of the chosen licenses ${missing === 1 ? 'is' : 'are'} no longer recorded; nothing was changed.`);
  }
  let updated = 0;
  for (const { id, fields } of items) {
    if (fields!.projectCode === projectCode) continue;
    writer.update(id, { ...fields!, projectCode }, 'manual');
    updated++;
  }
  return { updated };
}
