import { z } from 'zod';
import { DashboardSummary } from '../../domain/dashboard.js';
import { ViewDate } from '../../domain/primitives.js';
import { read } from './define.js';

export const dashboardChannels = {
  'dashboard:summary': read(z.strictObject({ asOf: ViewDate }), DashboardSummary),
} as const;
