import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { forecast } from '../../../../../shared/status/forecast';
import { queries } from '../../../api/queries';
import { ForecastChart } from '../../../components/ForecastChart';

/** One license's quota forecast from its usage readings, as a chart with its sentence. */
export function LicenseForecast({ item, height }: { item: LicenseItem; height?: number }) {
  const usage = useQuery(queries.usage(item.id));
  if (!usage.data) return <Skeleton variant="rounded" height={height ?? 240} />;
  const readings = usage.data.map((u) => ({ takenOn: u.takenOn, used: u.used }));
  const f = forecast({ readings, quotaAmount: item.quotaAmount, quotaMode: item.quotaMode, expiresOn: item.expiresOn });
  return <ForecastChart forecast={f} readings={readings} quotaMode={item.quotaMode} expiresOn={item.expiresOn} label={`Quota forecast for item ${item.itemId}`} height={height} />;
}
