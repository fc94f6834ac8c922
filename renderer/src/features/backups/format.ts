import { formatDistanceStrict } from 'date-fns';
import type { BackupReason } from '../../../../shared/domain/backups';

export const REASON_LABEL: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Manual',
  migration: 'Before an update',
  restore: 'Before a restore',
  other: 'Earlier copy',
};

/** "1 Dec 2026, 18:35": a backup's time, in the user's locale. */
export function backupTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "3 hours ago"; "just now" under a minute (a clock slightly behind shows no future ages). */
export function backupAge(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (ms < 60_000) return 'just now';
  return `${formatDistanceStrict(new Date(iso), now)} ago`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
