import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { LineChart } from '@mui/x-charts/LineChart';
import { formatQuota, type QuotaMode } from '../../../shared/domain/quota';
import type { Forecast, UsageReading } from '../../../shared/status/forecast';
import { formatDate } from './dates';

interface Props {
  forecast: Forecast;
  /** Every reading, including those before a reset (drawn, but not used for the projection). */
  readings: readonly UsageReading[];
  quotaMode: QuotaMode;
  expiresOn: string | null;
  /** Names the chart for screen readers. */
  label: string;
  height?: number;
}

const dayMs = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Days are UTC midnights on the axis: read them back in UTC so a tick never slips to the day before.
const MONTH_TICK = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Month starts as "Jun 2026" on the axis (as the usage chart has them), any other day in the app's date format. */
const dayLabel = (ms: number, context: { location: string }) => (context.location === 'tick' && new Date(ms).getUTCDate() === 1 ? MONTH_TICK.format(ms) : formatDate(isoOf(ms)));

/** The forecast's sentence, coloured by what it asks of the user. */
export function ForecastMessage({ forecast }: { forecast: Forecast }) {
  const severity = forecast.status === 'over' ? 'error' : forecast.shortfall !== null ? 'warning' : forecast.status === 'too-few-readings' || forecast.status === 'no-quota' ? 'info' : 'success';
  return (
    <Alert severity={severity} variant="outlined" sx={{ py: 0 }}>
      {forecast.message}
    </Alert>
  );
}

/**
 * Usage readings, the projected line to expiry (dashed) and the 80 %, quota and hard-stop lines, with
 * the expiry day marked. Drawn with @mui/x-charts on a time axis.
 */
export function ForecastChart({ forecast, readings, quotaMode, expiresOn, label, height = 240 }: Props) {
  const theme = useTheme();
  const days = [...new Set([...readings.map((r) => r.takenOn), ...forecast.projection.map((p) => p.takenOn)])].sort();
  const at = (list: readonly UsageReading[]) => {
    const byDay = new Map(list.map((r) => [r.takenOn, r.used]));
    return days.map((d) => byDay.get(d) ?? null);
  };
  // One day draws no line, only empty axes: the sentence alone says it ("Only one usage reading…").
  if (days.length < 2) return <ForecastMessage forecast={forecast} />;
  const top = Math.max(...forecast.thresholds.map((t) => t.units), ...readings.map((r) => r.used), ...forecast.projection.map((p) => p.used), 1);
  const colours = { warn: theme.palette.warning.main, stop: theme.palette.error.main, quota: theme.palette.text.secondary };
  return (
    <Box>
      <Box role="img" aria-label={`${label}: ${forecast.message}`}>
        <LineChart
          height={height}
          skipAnimation
          hideLegend={false}
          margin={{ left: 8, right: 56, top: 16, bottom: 8 }}
          xAxis={[{ data: days.map(dayMs), scaleType: 'time', valueFormatter: dayLabel, tickNumber: 5 }]}
          yAxis={[{ min: 0, max: Math.ceil(top * 1.08), valueFormatter: (v: number) => v.toLocaleString('en-US'), width: 64 }]}
          series={[
            { id: 'usage', label: 'Used', data: at(readings), connectNulls: true, color: theme.palette.primary.main, valueFormatter: (v) => (v === null ? '' : formatQuota(v, quotaMode)) },
            { id: 'projection', label: 'Projected', data: at(forecast.projection), connectNulls: true, showMark: false, color: theme.palette.secondary.main, valueFormatter: (v) => (v === null ? '' : `about ${formatQuota(v, quotaMode)}`) },
          ]}
          sx={{ '& path[data-series="projection"]': { strokeDasharray: '6 4' } }}
        >
          {forecast.thresholds.map((t) => (
            <ChartsReferenceLine
              key={t.percent}
              y={t.units}
              label={t.label}
              // Quota and hard stop are close together: their labels go to opposite ends.
              labelAlign={t.percent > 100 ? 'end' : t.percent === 100 ? 'start' : 'middle'}
              lineStyle={{ stroke: t.percent > 100 ? colours.stop : t.percent === 100 ? colours.quota : colours.warn, strokeDasharray: t.percent === 80 ? '2 3' : undefined }}
              labelStyle={{ fontSize: 11, fill: theme.palette.text.secondary }}
            />
          ))}
          {expiresOn && dayMs(expiresOn) <= dayMs(days[days.length - 1]!) + 86_400_000 && (
            <ChartsReferenceLine x={dayMs(expiresOn)} label="Expiry" labelAlign="start" lineStyle={{ stroke: colours.stop }} labelStyle={{ fontSize: 11, fill: theme.palette.text.secondary }} />
          )}
        </LineChart>
      </Box>
      <ForecastMessage forecast={forecast} />
    </Box>
  );
}
