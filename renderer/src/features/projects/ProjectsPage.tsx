import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../../api/queries';
import type { ProjectsQuery } from '../../app/route';
import { ImportDialog } from '../import';
import { count } from '../../components/count';
import { KeyTable } from './components/KeyTable';
import { ProjectCard } from './components/ProjectCard';

/** Projects (handshake codes) recorded from pasted DLS2 keys, and the keys that belong to none. */
export function ProjectsPage({ query: _query }: { query: ProjectsQuery }) {
  const projectsQuery = useQuery(queries.projects());
  const unassignedQuery = useQuery(queries.unassignedKeys());
  const projects = projectsQuery.data ?? null;
  const unassigned = unassignedQuery.data ?? [];
  const error = projectsQuery.error?.message ?? unassignedQuery.error?.message ?? null;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const empty = projects !== null && projects.length === 0 && unassigned.length === 0;

  return (
    <Stack sx={{ p: 3, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Projects
          {projects !== null && projects.length > 0 && (
            <Typography component="span" color="textSecondary" sx={{ ml: 1.5 }}>
              {count(projects.length, 'project')}
            </Typography>
          )}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
          Add keys
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {projects === null && !error && <Skeleton variant="rounded" height={160} aria-label="Loading projects" />}
      {empty && (
        <Alert severity="info" action={<Button onClick={() => setAdding(true)}>Add keys</Button>}>
          No projects yet. A project (handshake code) is what an online license key points to on Dynamsoft&apos;s license server, and it draws on
          one or more license items; paste a DLS2 key to record its project here.
        </Alert>
      )}
      {projects !== null && projects.length > 0 && (
        <Stack component="ul" aria-label="Projects" sx={{ gap: 2, m: 0, p: 0 }}>
          {projects.map((p) => (
            <ProjectCard key={p.id} project={p} onNotice={setNotice} />
          ))}
        </Stack>
      )}
      {unassigned.length > 0 && (
        <Box component="section" aria-labelledby="unassigned-keys-heading" sx={{ mt: 1 }}>
          <Typography variant="h6" component="h2" id="unassigned-keys-heading">
            Keys without a project
          </Typography>
          <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
            Trial, offline and device keys carry their license themselves, so they point to no project.
          </Typography>
          <Paper variant="outlined" sx={{ px: 2, py: 1 }}>
            <KeyTable keys={unassigned} label="Keys without a project" onNotice={setNotice} />
          </Paper>
        </Box>
      )}
      <ImportDialog open={adding} initialTab="keys" onClose={() => setAdding(false)} />
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
