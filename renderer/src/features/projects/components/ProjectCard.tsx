import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Project } from '../../../../../shared/domain/project';
import { count } from '../../../components/count';
import { HOSTING_LABELS } from '../labels';
import { KeyTable } from './KeyTable';
import { ProjectQuota } from './ProjectQuota';
import { licensesRoute, useRoute } from '../../../app/route';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';
import { CalendarExportButton } from '../../reminders';

const MONO = { fontFamily: 'monospace' } as const;

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box component="dt" sx={{ typography: 'caption', color: 'text.secondary' }}>
        {term}
      </Box>
      <Box component="dd" sx={{ m: 0, typography: 'body2', overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </Box>
  );
}

/** One project (handshake code): where its license server is, how many items draw on it, and its keys. */
export function ProjectCard({ project: p, onNotice }: { project: Project; onNotice(message: string): void }) {
  const hosting = HOSTING_LABELS[p.hosting];
  const headingId = `project-${p.id}-code`;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" id={headingId} sx={{ ...MONO, fontSize: 17, fontWeight: 600 }}>
          {p.handshakeCode}
        </Typography>
        <Tooltip title={hosting.hint}>
          <Chip size="small" label={hosting.label} color={hosting.color} variant={p.hosting === 'unknown' ? 'outlined' : 'filled'} />
        </Tooltip>
        <Box sx={{ flexGrow: 1 }} />
        {p.itemCount > 0 && <CalendarExportButton size="small" target={{ scope: 'project', projectCode: p.handshakeCode }} aria-label={`Add to calendar: the renewals of ${p.handshakeCode}`} />}
        {p.itemCount > 0 ? (
          <Button
            size="small"
            aria-label={`Show the ${count(p.itemCount, 'license item')} of ${p.handshakeCode}`}
            onClick={() => useRoute.getState().go(licensesRoute({ filters: { projectCodes: [p.handshakeCode] } }))}
          >
            {count(p.itemCount, 'license item')}
          </Button>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No license items yet
          </Typography>
        )}
      </Stack>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '160px 1fr 1fr' }, columnGap: 3, rowGap: 1, my: 1.5 }}
      >
        <Detail term="Organization ID">
          <Box component="span" sx={MONO}>
            {p.organizationId}
          </Box>
        </Detail>
        <Detail term="Main license server">{p.mainServerUrl ?? EMPTY_VALUE}</Detail>
        <Detail term="Standby license server">{p.standbyServerUrl ?? EMPTY_VALUE}</Detail>
      </Box>
      {p.itemCount > 0 && <ProjectQuota handshakeCode={p.handshakeCode} />}
      {p.keys.length > 0 ? (
        <KeyTable keys={p.keys} label={`Keys for ${p.handshakeCode}`} onNotice={onNotice} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No key stored for this project.
        </Typography>
      )}
    </Paper>
  );
}
