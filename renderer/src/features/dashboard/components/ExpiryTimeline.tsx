import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import type { DashboardSummary } from '../../../../../shared/domain/dashboard';

type Month = DashboardSummary['timeline'][number];

const BAR_AREA = 150;
const monthName = new Intl.DateTimeFormat('en', { month: 'short' });

/** "2027-01" → "Jan 27". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${monthName.format(new Date(y, m - 1, 1))} ${String(y).slice(2)}`;
}

/** "2027-01" → "Jan 2027": unambiguous where "Jan 27" could read as a day. */
export function monthYear(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${monthName.format(new Date(y, m - 1, 1))} ${y}`;
}

/** "2027-01" → "January 2027", for the screen-reader summary and tooltips. */
function longMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(y, m - 1, 1).toLocaleString('en', { month: 'long', year: 'numeric' });
}

/**
 * Twelve bars drawn with plain boxes (no chart library). Screen readers get one sentence with every
 * month's count instead of twelve meaningless shapes.
 */
export function ExpiryTimeline({ timeline, currentMonth }: { timeline: Month[]; currentMonth: string }) {
  const max = Math.max(1, ...timeline.map((m) => m.count));
  const summary = `Licenses expiring per month, next twelve months: ${timeline.map((m) => `${longMonth(m.month)} ${m.count}`).join(', ')}.`;

  return (
    <Box role="img" aria-label={summary} sx={{ px: 2, pb: 1.5, pt: 0.5 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${timeline.length}, 1fr)`, columnGap: 0.5, alignItems: 'end' }}>
        {timeline.map((m) => {
          const current = m.month === currentMonth;
          const height = m.count === 0 ? 2 : Math.max(6, Math.round((m.count / max) * BAR_AREA));
          return (
            <Box key={m.month} title={`${longMonth(m.month)}: ${m.count} ${m.count === 1 ? 'license expires' : 'licenses expire'}`} sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', minWidth: 0 }}>
              <Typography
                variant="caption"
                sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: m.count === 0 ? 'text.disabled' : 'text.primary', lineHeight: 1.6 }}
              >
                {m.count}
              </Typography>
              <Box
                sx={(t) => ({
                  width: '100%',
                  maxWidth: 40,
                  height,
                  borderRadius: '4px 4px 0 0',
                  bgcolor: m.count === 0 ? 'divider' : current ? 'primary.main' : alpha(t.palette.primary.main, t.palette.mode === 'dark' ? 0.55 : 0.4),
                })}
              />
            </Box>
          );
        })}
      </Box>
      <Box sx={{ borderTop: 1, borderColor: 'divider', display: 'grid', gridTemplateColumns: `repeat(${timeline.length}, 1fr)`, columnGap: 0.5, pt: 0.5 }}>
        {timeline.map((m, i) => {
          const current = m.month === currentMonth;
          const [name, year] = monthLabel(m.month).split(' ');
          // The year only where it changes (first bar and each January), so narrow columns stay legible.
          const showYear = i === 0 || m.month.endsWith('-01');
          return (
            <Box key={m.month} sx={{ textAlign: 'center', minWidth: 0, lineHeight: 1.25 }}>
              <Typography variant="caption" component="div" noWrap sx={{ lineHeight: 'inherit', color: current ? 'primary.main' : 'text.secondary', fontWeight: current ? 700 : 400 }}>
                {name}
              </Typography>
              <Typography variant="caption" component="div" sx={{ lineHeight: 'inherit', fontSize: 11, color: 'text.secondary', visibility: showYear ? 'visible' : 'hidden' }}>
                {`’${year}`}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
