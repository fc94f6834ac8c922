import { WRITE_CHANNELS, type Channel } from '../../../shared/ipc/contract.js';
import type { AuditService } from '../services/audit/service.js';
import type { Handlers } from './router.js';

/** Reads the audit log records all the same: they show a secret. */
export const AUDITED_READS: readonly Channel[] = ['keys:reveal'];

/** Every channel whose calls leave an audit entry: the contract's write channels and the reads above. */
export const AUDITED_CHANNELS: readonly Channel[] = [...WRITE_CHANNELS, ...AUDITED_READS];

/**
 * Wraps each audited channel's handler once, where the handlers are put together, so no handler has
 * to remember the audit log: a new write channel in the contract is audited by being a write.
 */
export function audited(handlers: Handlers, audit: Pick<AuditService, 'record'>): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const channel of AUDITED_CHANNELS) {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const kind = AUDITED_READS.includes(channel) ? 'reveal' : 'write';
    wrapped[channel] = (input: unknown) => audit.record(channel, input, kind, () => handler(input));
  }
  return wrapped as Handlers;
}
