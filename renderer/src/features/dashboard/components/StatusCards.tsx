import Box from '@mui/material/Box';
import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Headline, StatusTone } from '../../../../../shared/status/index';
import { licensesRoute, useRoute } from '../../../app/route';
import { useStatusSettings } from '../../../components/status-settings';
import { CARD_GRID } from '../layout';
import { groupBreakdown, groupCount, STATUS_GROUPS } from '../status-groups';

const TONE_COLOR: Record<StatusTone, string> = {
  error: 'error.main',
  warning: 'warning.main',
  success: 'success.main',
  info: 'info.main',
  default: 'text.secondary',
};

/** One card per status group; a zero count is drawn muted so the eye goes to what needs attention. */
export function StatusCards({ counts }: { counts: Partial<Record<Headline, number>> }) {
  const go = useRoute((s) => s.go);
  const settings = useStatusSettings();

  return (
    <Box component="ul" aria-label="Licenses by status" sx={{ ...CARD_GRID, m: 0, p: 0, listStyle: 'none' }}>
      {STATUS_GROUPS.map((group) => {
        const count = groupCount(group, counts);
        const color = count > 0 ? TONE_COLOR[group.tone] : 'text.disabled';
        const detail = (count > 0 && groupBreakdown(group, counts)) || group.hint(settings);
        return (
          <Box component="li" key={group.key} sx={{ minWidth: 0 }}>
            <Paper variant="outlined" sx={{ height: '100%', borderLeft: 4, borderLeftColor: count > 0 ? TONE_COLOR[group.tone] : 'divider', overflow: 'hidden' }}>
              <CardActionArea
                onClick={() => go(licensesRoute({ filters: { headlines: group.headlines } }))}
                sx={{ height: '100%', px: 1.5, py: 1, display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start' }}
              >
                <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, minWidth: 0 }}>
                  <Typography sx={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2, color, fontVariantNumeric: 'tabular-nums' }}>{count.toLocaleString()}</Typography>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                    {group.title}
                  </Typography>
                </Stack>
                <Typography variant="caption" color="textSecondary" noWrap title={detail}>
                  {detail}
                </Typography>
              </CardActionArea>
            </Paper>
          </Box>
        );
      })}
    </Box>
  );
}
