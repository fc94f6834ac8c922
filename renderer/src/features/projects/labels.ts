import { HOSTING_LABELS as HOSTING_NAMES } from '../../../../shared/domain/labels';
import type { Hosting } from '../../../../shared/domain/project';
import { EMPTY_VALUE } from '../../../../shared/domain/labels';

const HOSTING_LOOK: Record<Hosting, { color: 'info' | 'secondary' | 'default'; hint: string }> = {
  dynamsoft: { color: 'info', hint: "Clients reach Dynamsoft's license servers" },
  self: { color: 'secondary', hint: 'Clients reach a license server you run' },
  unknown: { color: 'default', hint: 'Hosting could not be told from the key' },
};

/** The chip for a project's hosting: the shared name (the same words as on a license), a colour and a hint. */
export const HOSTING_LABELS = Object.fromEntries(
  (Object.keys(HOSTING_LOOK) as Hosting[]).map((h) => [h, { label: HOSTING_NAMES[h], ...HOSTING_LOOK[h] }]),
) as Record<Hosting, { label: string; color: 'info' | 'secondary' | 'default'; hint: string }>;

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function addedOn(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? EMPTY_VALUE : dateFmt.format(d);
}
