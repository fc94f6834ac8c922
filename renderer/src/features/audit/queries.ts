import { queryOptions } from '@tanstack/react-query';
import type { AuditQuery } from '../../../../shared/domain/audit';
import { CHANNEL_NAMES } from '../../../../shared/ipc/channels';
import type { DataDomain } from '../../../../shared/ipc/events';
import { call } from '../../api/client';

// Every write, whatever its domain, adds an entry; a key reveal (a read) does too, so the log is
// also fetched again each time it is shown (staleTime 0).
const EVERY_DOMAIN = [...new Set(CHANNEL_NAMES.map((c) => c.slice(0, c.indexOf(':'))))] as DataDomain[];

export const auditQueries = {
  /** Deleted licenses from their tombstones: a delete or a restore (licenses domain) changes them. */
  deleted: () => queryOptions({ queryKey: ['audit', 'deleted'], queryFn: () => call('licenses:deleted'), meta: { reads: ['licenses'] as DataDomain[] } }),
  list: (q: AuditQuery) => queryOptions({ queryKey: ['audit', 'list', q], queryFn: () => call('audit:list', q), staleTime: 0, meta: { reads: EVERY_DOMAIN } }),
};
