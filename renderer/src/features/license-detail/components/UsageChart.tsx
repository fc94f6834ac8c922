import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { addDays, format } from 'date-fns';
import { useId } from 'react';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import type { UsageSnapshot } from '../../../../../shared/domain/usage';
import { overuseLimit } from '../../../../../shared/status/index';
import { compactNumber, dateTicks, dayNumber, linearScale, niceTicks } from '../chart-scale';
import { numberFormat } from '../format';
import { useElementWidth } from '../useElementWidth';
import { formatDate } from '../../../components/dates';

const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 56 };
const EPOCH = new Date(2000, 0, 1);

function dayLabel(day: number, longSpan: boolean): string {
  return format(addDays(EPOCH, day), longSpan ? 'MMM yyyy' : 'd MMM');
}

/**
 * Used over time as a plain SVG area chart, with the quota and the overuse limit as horizontal lines and
 * the expiry date as a vertical one. The snapshot table next to it carries the same figures as text.
 */
export function UsageChart({ item, snapshots, today }: { item: LicenseItem; snapshots: UsageSnapshot[]; today: string }) {
  const theme = useTheme();
  const [ref, width] = useElementWidth();
  const titleId = useId();
  const descId = useId();
  const sorted = [...snapshots].sort((a, b) => a.takenOn.localeCompare(b.takenOn));
  const unit = QUOTA_MODE_LABELS[item.quotaMode].unit;
  const limit = item.quotaAmount * overuseLimit(item.quotaMode);
  const hasLimit = limit > item.quotaAmount;

  const points = sorted.map((s) => ({ id: s.id, day: dayNumber(s.takenOn), used: s.used, on: s.takenOn }));
  const first = points[0]?.day ?? 0;
  const last = points[points.length - 1]?.day ?? 0;
  // Span the term when known, so the chart shows how far into it the usage is, not just the snapshots.
  const start = Math.min(first, item.activatedOn ? dayNumber(item.activatedOn) : first);
  const expiryDay = item.expiresOn ? dayNumber(item.expiresOn) : null;
  const end = Math.max(last, expiryDay ?? last, start + 1);
  const todayDay = dayNumber(today);
  const yTicks = niceTicks(Math.max(limit, ...points.map((p) => p.used)) * 1.05);
  const yMax = yTicks[yTicks.length - 1]!;

  const innerW = Math.max(0, width - PAD.left - PAD.right);
  const x = linearScale([start, end], [PAD.left, PAD.left + innerW]);
  const y = linearScale([0, yMax], [HEIGHT - PAD.bottom, PAD.top]);
  const longSpan = end - start > 300;

  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.used).toFixed(1)}`).join(' ');
  const area = points.length > 1 ? `${line} L${x(last).toFixed(1)},${y(0)} L${x(first).toFixed(1)},${y(0)} Z` : '';

  const latest = points[points.length - 1];
  const summary = latest
    ? `${points.length} usage ${points.length === 1 ? 'snapshot' : 'snapshots'} from ${points[0]!.on} to ${latest.on}; latest ${numberFormat.format(latest.used)} of ${numberFormat.format(item.quotaAmount)} ${unit}.`
    : 'No usage recorded.';

  const p = theme.palette;
  const axis = p.text.secondary;
  const grid = p.divider;

  return (
    <Box ref={ref} sx={{ width: '100%', minWidth: 0 }}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block', fontFamily: 'inherit' }}>
          <title id={titleId}>Usage over time</title>
          <desc id={descId}>{summary}</desc>
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={PAD.left + innerW} y1={y(t)} y2={y(t)} stroke={grid} />
              <text x={PAD.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill={axis}>
                {compactNumber(t)}
              </text>
            </g>
          ))}
          {dateTicks(start, end, Math.max(2, Math.floor(innerW / 110))).map((d, i, all) => (
            // The end ticks are anchored inward so their labels stay inside the drawing.
            <text key={d} x={x(d)} y={HEIGHT - PAD.bottom + 16} textAnchor={i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'} fontSize={11} fill={axis}>
              {dayLabel(d, longSpan)}
            </text>
          ))}
          <text x={12} y={PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2} fontSize={11} fill={axis} textAnchor="middle" transform={`rotate(-90 12 ${PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2})`}>
            Used ({unit})
          </text>
          <line x1={PAD.left} x2={PAD.left + innerW} y1={y(0)} y2={y(0)} stroke={axis} />

          {expiryDay !== null && expiryDay <= end && (
            <g>
              <line x1={x(expiryDay)} x2={x(expiryDay)} y1={PAD.top} y2={y(0)} stroke={p.error.main} strokeDasharray="2 3" />
              <text x={x(expiryDay) - 4} y={HEIGHT - 6} textAnchor="end" fontSize={11} fill={p.error.main}>
                Expires {formatDate(item.expiresOn ?? '')}
              </text>
            </g>
          )}
          {todayDay > start && todayDay < end && todayDay !== expiryDay && (
            <g>
              <line x1={x(todayDay)} x2={x(todayDay)} y1={PAD.top} y2={y(0)} stroke={axis} strokeOpacity={0.6} strokeDasharray="1 3" />
              <text x={x(todayDay)} y={PAD.top - 4} textAnchor="middle" fontSize={10} fill={axis}>
                Today
              </text>
            </g>
          )}
          {hasLimit && (
            <g>
              <line x1={PAD.left} x2={PAD.left + innerW} y1={y(limit)} y2={y(limit)} stroke={p.error.main} strokeDasharray="3 3" />
              <text x={PAD.left + 4} y={y(limit) - 4} fontSize={11} fill={p.error.main}>
                Overuse limit {numberFormat.format(Math.floor(limit))}
              </text>
            </g>
          )}
          <line x1={PAD.left} x2={PAD.left + innerW} y1={y(item.quotaAmount)} y2={y(item.quotaAmount)} stroke={p.warning.main} strokeWidth={1.5} strokeDasharray="6 4" />
          <text x={PAD.left + innerW - 4} y={y(item.quotaAmount) + (hasLimit ? 13 : -4)} textAnchor="end" fontSize={11} fill={p.warning.main}>
            Quota {numberFormat.format(item.quotaAmount)}
          </text>

          {area && <path d={area} fill={p.primary.main} fillOpacity={0.14} />}
          {points.length > 1 && <path d={line} fill="none" stroke={p.primary.main} strokeWidth={2} strokeLinejoin="round" />}
          {points.map((pt) => (
            <circle key={pt.id} cx={x(pt.day)} cy={y(pt.used)} r={3.5} fill={p.background.paper} stroke={p.primary.main} strokeWidth={2}>
              <title>{`${pt.on}: ${numberFormat.format(pt.used)} ${unit}`}</title>
            </circle>
          ))}
        </svg>
      )}
    </Box>
  );
}
