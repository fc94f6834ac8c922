import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import HubIcon from '@mui/icons-material/Hub';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { memo, useState, type ComponentType } from 'react';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { CreatePoButton } from '../../purchase';
import { AddQuotaWizard, RenewWizard } from '../../renew';
import { useSelection } from '../selection';
import { AssignProjectDialog } from './AssignProjectDialog';

/** What every action on the ticked rows gets: the rows as ticked, and `done` to clear the selection (saying what was done, if anything). */
export interface SelectionActionProps {
  items: LicenseItem[];
  done(message?: string): void;
}

/**
 * An action that opens a dialog: its button, and the dialog mounted per opening (a new key each
 * time, so a wizard never resumes a half-finished earlier run). Closing the dialog ends the action.
 */
export function useRun(): { run: number | null; start(): void; stop(): void } {
  const [run, setRun] = useState<number | null>(null);
  return { run, start: () => setRun((r) => (r ?? 0) + 1), stop: () => setRun(null) };
}

function RenewSelected({ items, done }: SelectionActionProps) {
  const { run, start, stop } = useRun();
  return (
    <>
      <Button color="inherit" startIcon={<AutorenewIcon />} onClick={start}>
        Renew selected ({items.length})
      </Button>
      {run !== null && (
        <RenewWizard
          key={run}
          items={items}
          open
          onClose={() => {
            stop();
            done();
          }}
        />
      )}
    </>
  );
}

/** Quota is added to one license at a time (the wizard plans one project's quota). */
function AddQuotaToSelected({ items, done }: SelectionActionProps) {
  const { run, start, stop } = useRun();
  const item = items.length === 1 ? items[0] : undefined;
  if (!item) return null;
  return (
    <>
      <Button color="inherit" startIcon={<AddIcon />} onClick={start}>
        Add quota
      </Button>
      {run !== null && (
        <AddQuotaWizard
          key={run}
          item={item}
          open
          onClose={() => {
            stop();
            done();
          }}
        />
      )}
    </>
  );
}

function AssignToProject({ items, done }: SelectionActionProps) {
  const { run, start, stop } = useRun();
  return (
    <>
      <Button color="inherit" startIcon={<HubIcon />} onClick={start}>
        Assign to project
      </Button>
      {run !== null && (
        <AssignProjectDialog
          key={run}
          ids={items.map((i) => i.id)}
          onClose={stop}
          onAssigned={(message) => {
            stop();
            done(message);
          }}
        />
      )}
    </>
  );
}

/** The actions on a multi-selection, in order. To add one, write a component taking SelectionActionProps and list it here. */
const ACTIONS: { key: string; Action: ComponentType<SelectionActionProps> }[] = [
  { key: 'renew', Action: RenewSelected },
  { key: 'add-quota', Action: AddQuotaToSelected },
  { key: 'purchase-order', Action: CreatePoButton },
  { key: 'assign-project', Action: AssignToProject },
];

const clear = () => useSelection.getState().clear();

/**
 * The selection's actions float at the bottom, so the toolbar keeps its room at 1024 px. It has no
 * props and follows only the selection: the page's keystrokes and answers pass it by.
 */
export const SelectionBar = memo(function SelectionBar() {
  const selected = useSelection((s) => s.items);
  const items = [...selected.values()];
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message?: string) => {
    clear();
    if (message) setNotice(message);
  };
  return (
    <>
      <Snackbar
        open={selected.size > 0}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        message={`${selected.size} selected`}
        action={
          <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
            {ACTIONS.map(({ key, Action }) => (
              <Action key={key} items={items} done={done} />
            ))}
            <Button color="inherit" onClick={clear}>
              Clear
            </Button>
          </Stack>
        }
      />
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
});
