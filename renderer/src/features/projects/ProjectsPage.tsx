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
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type Ref } from 'react';
import { Virtuoso, type Components } from 'react-virtuoso';
import type { Project, StoredKey } from '../../../../shared/domain/project';
import { queries } from '../../api/queries';
import { useRoute, type ProjectsQuery } from '../../app/route';
import { count } from '../../components/count';
import { SearchBox } from '../../components/SearchBox';
import { ImportDialog } from '../import';
import { KeyTable } from './components/KeyTable';
import { ProjectCard } from './components/ProjectCard';
import { searchProjects } from './project-search';

const NO_KEYS: StoredKey[] = [];

const onSearch = (search: string) => useRoute.getState().replace({ page: 'projects', query: { search } });

/** The unassigned keys, after the last project (the list's footer, so they scroll with it). */
function UnassignedKeys({ keys, onNotice }: { keys: StoredKey[]; onNotice(message: string): void }) {
  return (
    <Box component="section" aria-labelledby="unassigned-keys-heading" sx={{ pt: 1, pb: 2 }}>
      <Typography variant="h6" component="h2" id="unassigned-keys-heading">
        Keys without a project
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
        Online keys without a project ID use their organization&apos;s default project on the License Server (the summary names the
        organization and the main server). Trial, offline and device keys carry their license themselves.
      </Typography>
      <Paper variant="outlined" sx={{ px: 2, py: 1 }}>
        <KeyTable keys={keys} label="Keys without a project" onNotice={onNotice} />
      </Paper>
    </Box>
  );
}

interface ListContext {
  unassigned: StoredKey[];
  onNotice(message: string): void;
}

// A real list for assistive technology; items are spaced by padding, since Virtuoso measures boxes without margins.
const LIST_COMPONENTS: Components<Project, ListContext> = {
  List: forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function List({ style, children, ...props }, ref) {
    return (
      <ul aria-label="Projects" ref={ref as Ref<HTMLUListElement>} {...(props as ComponentPropsWithoutRef<'ul'>)} style={{ ...style, margin: 0, padding: 0, listStyle: 'none' }}>
        {children}
      </ul>
    );
  }),
  Item: ({ item: _item, context: _context, ...props }) => <Box component="li" {...props} sx={{ pb: 2 }} />,
  Footer: ({ context }) => (context && context.unassigned.length > 0 ? <UnassignedKeys keys={context.unassigned} onNotice={context.onNotice} /> : null),
};

/**
 * Projects (handshake codes) recorded from pasted DLS2 keys, and the keys that belong to none.
 * Virtualized: thousands of projects render only the cards on screen. The search is in the route.
 */
export function ProjectsPage({ query }: { query: ProjectsQuery }) {
  const projectsQuery = useQuery(queries.projects());
  const unassignedQuery = useQuery(queries.unassignedKeys());
  const projects = projectsQuery.data ?? null;
  const unassigned = unassignedQuery.data ?? NO_KEYS;
  const error = projectsQuery.error?.message ?? unassignedQuery.error?.message ?? null;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(() => (projects ? searchProjects(projects, query.search) : []), [projects, query.search]);
  const context = useMemo<ListContext>(() => ({ unassigned, onNotice: setNotice }), [unassigned]);

  const empty = projects !== null && projects.length === 0 && unassigned.length === 0;

  return (
    <Stack sx={{ p: 3, pb: 0, gap: 2, height: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Projects
          {projects !== null && projects.length > 0 && (
            <Typography component="span" color="textSecondary" sx={{ ml: 1.5 }} aria-label="Project count">
              {shown.length === projects.length ? count(projects.length, 'project') : `${shown.length.toLocaleString()} of ${count(projects.length, 'project')}`}
            </Typography>
          )}
        </Typography>
        {projects !== null && projects.length > 0 && (
          <SearchBox label="Search projects" value={query.search} onChange={onSearch} width={280} />
        )}
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
      {projects !== null && projects.length > 0 && shown.length === 0 && <Alert severity="info">No project matches &ldquo;{query.search}&rdquo;.</Alert>}
      {projects !== null && !empty && (
        <Box sx={{ flexGrow: 1, minHeight: 0 }}>
          {shown.length > 0 ? (
            <Virtuoso
              style={{ height: '100%' }}
              data={shown}
              context={context}
              components={LIST_COMPONENTS}
              computeItemKey={(_i, p) => p.id}
              increaseViewportBy={600}
              itemContent={(_i, p, ctx) => <ProjectCard project={p} onNotice={ctx.onNotice} />}
            />
          ) : (
            unassigned.length > 0 && <UnassignedKeys keys={unassigned} onNotice={setNotice} />
          )}
        </Box>
      )}
      <ImportDialog open={adding} initialTab="keys" onClose={() => setAdding(false)} />
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
