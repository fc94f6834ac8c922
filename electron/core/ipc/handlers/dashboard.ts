import type { dashboardChannels } from '../../../../shared/ipc/contract/dashboard.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function dashboardHandlers(s: Pick<Services, 'dashboard'>): HandlersFor<typeof dashboardChannels> {
  return { 'dashboard:summary': ({ asOf }) => s.dashboard.summary(asOf) };
}
