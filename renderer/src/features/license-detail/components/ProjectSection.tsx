import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Project } from '../../../../../shared/domain/project';
import type { ProjectInfo } from '../../../api/queries';
import type { Loadable } from '../loadable';
import { EMPTY, HOSTING_LABELS } from '../format';
import { FieldList } from './FieldList';
import { KeyRow } from './KeyRow';
import { Section } from './Section';

interface Props {
  info: Loadable<ProjectInfo>;
  notify(message: string, severity?: 'success' | 'error'): void;
}

function ProjectBody({ project, notify }: { project: Project; notify: Props['notify'] }) {
  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Stack sx={{ gap: 1.5 }}>
          <FieldList
            minColumnWidth={420}
            labelWidth={120}
            rows={[
              { label: 'Project ID', value: project.handshakeCode, mono: true },
              { label: 'Organization ID', value: project.organizationId, mono: true },
              { label: 'Hosting', value: HOSTING_LABELS[project.hosting] },
              { label: 'Main server', value: project.mainServerUrl ?? EMPTY, mono: Boolean(project.mainServerUrl) },
              { label: 'Standby server', value: project.standbyServerUrl ?? EMPTY, mono: Boolean(project.standbyServerUrl) },
              { label: 'Items on project', value: project.itemCount },
            ]}
          />
          {project.hosting === 'self' && (
            <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
              Self-hosted: renewals and added quota are not pushed to your License Server. Import each new license file into it by hand.
            </Alert>
          )}
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Stack sx={{ gap: 1.5 }}>
          {project.keys.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No license key is stored for this project yet. Keys are added on the Projects page.
            </Typography>
          ) : (
            project.keys.map((k) => <KeyRow key={k.id} storedKey={k} notify={notify} />)
          )}
        </Stack>
      </Grid>
    </Grid>
  );
}

/** The project (handshake code) the item hangs on, its decoded key details and the keys themselves. */
export function ProjectSection({ info, notify }: Props) {
  return (
    <Section title="Project & key">
      {info.state === 'loading' && <Skeleton variant="rounded" height={160} />}
      {info.state === 'error' && <Alert severity="error">Could not load the project: {info.message}</Alert>}
      {info.state === 'ready' && info.value.kind === 'none' && (
        <Typography variant="body2" color="textSecondary">
          This item is not on a project. Edit it to enter the project ID (handshake code) it is linked to.
        </Typography>
      )}
      {info.state === 'ready' && info.value.kind === 'missing' && (
        <Typography variant="body2" color="textSecondary">
          Project <strong>{info.value.code}</strong> is not recorded, so no key or server details are known for it.
        </Typography>
      )}
      {info.state === 'ready' && info.value.kind === 'found' && <ProjectBody project={info.value.project} notify={notify} />}
    </Section>
  );
}
