import type { Hosting } from '../../../../shared/domain/project';

export const HOSTING_LABELS: Record<Hosting, { label: string; color: 'info' | 'secondary' | 'default'; hint: string }> = {
  dynamsoft: { label: 'Dynamsoft-hosted', color: 'info', hint: "Clients reach Dynamsoft's license servers" },
  self: { label: 'Self-hosted', color: 'secondary', hint: 'Clients reach a license server you run' },
  unknown: { label: 'Unknown', color: 'default', hint: 'Hosting could not be told from the key' },
};

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function addedOn(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? '–' : dateFmt.format(d);
}
