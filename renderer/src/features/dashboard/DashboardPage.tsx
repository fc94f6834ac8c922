import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queries } from '../../api/queries';
import { licensesRoute, useRoute } from '../../app/route';
import { QUOTA_AT_RISK_PERCENT } from '../../../../shared/domain/query';
import { localIsoDate, useNow } from '../../components/useNow';
import { EmptyDashboard } from './components/EmptyDashboard';
import { ExpiryTimeline, monthYear } from './components/ExpiryTimeline';
import { NextToExpireTable } from './components/NextToExpireTable';
import { Panel } from './components/Panel';
import { QuotaAtRiskTable } from './components/QuotaAtRiskTable';
import { StatusCards } from './components/StatusCards';
import { CARD_GRID } from './layout';
import { formatDate } from '../../components/dates';

/** Keeps the quota panel about as tall as the timeline beside it; the rest are one click away. */
const QUOTA_ROWS = 8;

export function DashboardPage() {
  const go = useRoute((s) => s.go);
  const now = useNow();
  const asOf = localIsoDate(now);
  // Keyed by the local date, so it is asked again when the day rolls over; the previous day's summary
  // stays on screen meanwhile, so the page does not flash empty.
  const dashboard = useQuery({ ...queries.dashboard(asOf), placeholderData: keepPreviousData });
  const summary = dashboard.data ?? null;
  const loading = dashboard.isFetching;
  const error = dashboard.error?.message ?? null;
  const load = () => void dashboard.refetch();

  const total = summary?.total ?? null;
  const atRisk = summary?.quotaAtRisk ?? [];
  const atRiskTotal = summary?.quotaAtRiskTotal ?? 0;
  const showAtRisk = () => go(licensesRoute({ filters: { minQuotaPercent: QUOTA_AT_RISK_PERCENT } }));

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1.5 }}>
        <Typography variant="h5" component="h1">
          Dashboard
        </Typography>
        {/* Outside the h1 so the heading's accessible name stays "Dashboard". */}
        <Typography color="textSecondary" sx={{ flexGrow: 1 }}>
          {total !== null && total > 0 && `${total.toLocaleString()} license ${total === 1 ? 'item' : 'items'} · as of ${formatDate(asOf)}`}
        </Typography>
        <Tooltip title="Refresh">
          <span>
            <IconButton aria-label="Refresh dashboard" onClick={() => load()} disabled={loading}>
              <RefreshIcon />
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
      <Box sx={{ height: 4, mt: -1.5 }}>{loading && summary && <LinearProgress aria-label="Refreshing dashboard" />}</Box>

      {error && (
        <Alert severity="error" action={<Button color="inherit" onClick={() => load()}>Retry</Button>}>
          Could not load the dashboard: {error}
        </Alert>
      )}

      {!summary && !error && <DashboardSkeleton />}

      {summary && summary.total === 0 && <EmptyDashboard />}

      {summary && summary.total > 0 && (
        <>
          <StatusCards counts={summary.counts} />
          <Panel title="Next to expire" subtitle={summary.nextToExpire.length > 0 ? `the ${summary.nextToExpire.length} soonest activated items` : undefined}>
            <NextToExpireTable items={summary.nextToExpire} now={now} />
          </Panel>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
            <Panel
              title="Quota at risk"
              subtitle={atRiskTotal > 0 ? `${atRiskTotal.toLocaleString()} at ${QUOTA_AT_RISK_PERCENT} % or more` : undefined}
              action={
                atRiskTotal > QUOTA_ROWS ? (
                  <Button size="small" onClick={showAtRisk} aria-label={`Show all ${atRiskTotal.toLocaleString()} items at risk in Licenses`}>
                    All {atRiskTotal.toLocaleString()}
                  </Button>
                ) : undefined
              }
            >
              <QuotaAtRiskTable items={atRisk.slice(0, QUOTA_ROWS)} now={now} />
            </Panel>
            <Panel title="Expiry timeline" subtitle={timelineSubtitle(summary.timeline)}>
              <ExpiryTimeline timeline={summary.timeline} currentMonth={asOf.slice(0, 7)} />
            </Panel>
          </Box>
        </>
      )}
    </Stack>
  );
}

/** "25 expiries, Nov 2026 – Oct 2027": the first month includes items that already expired in it. */
function timelineSubtitle(timeline: { month: string; count: number }[]): string {
  const total = timeline.reduce((n, m) => n + m.count, 0);
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  const range = first && last ? `, ${monthYear(first.month)} – ${monthYear(last.month)}` : '';
  return `${total} ${total === 1 ? 'expiry' : 'expiries'}${range}`;
}

function DashboardSkeleton() {
  return (
    <Stack sx={{ gap: 2 }} aria-busy="true" aria-label="Loading dashboard">
      <Box sx={CARD_GRID}>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} variant="rounded" height={58} />
        ))}
      </Box>
      <Skeleton variant="rounded" height={320} />
    </Stack>
  );
}
