import type { OrderState } from '../../../../shared/domain/order';

/** Chip colours per state: open orders stand out, final ones recede. */
export const STATE_COLOURS: Record<OrderState, 'default' | 'info' | 'success' | 'warning'> = {
  draft: 'warning',
  sent: 'info',
  fulfilled: 'success',
  cancelled: 'default',
};

/** The app's one date-and-time format (components/dates.ts), in the viewer's zone and locale. */
export { formatDateTime as formatInstant } from '../../components/dates';
