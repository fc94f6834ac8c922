import type { OrderState } from '../../../../shared/domain/order';

/** Chip colours per state: open orders stand out, final ones recede. */
export const STATE_COLOURS: Record<OrderState, 'default' | 'info' | 'success' | 'warning'> = {
  draft: 'warning',
  sent: 'info',
  fulfilled: 'success',
  cancelled: 'default',
};

/** "12 Jul 2026, 14:05" in the viewer's zone. */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
