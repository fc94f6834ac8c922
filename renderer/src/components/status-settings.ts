import { useQuery } from '@tanstack/react-query';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../../shared/status/index';
import { queries } from '../api/queries';

/**
 * The amber/red day thresholds every view colours by, from the one cache entry. Until the first
 * answer the defaults apply, which is what a new install stores anyway.
 */
export function useStatusSettings(): StatusSettings {
  return useQuery(queries.settings()).data ?? DEFAULT_STATUS_SETTINGS;
}
