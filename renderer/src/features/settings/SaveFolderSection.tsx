import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { write } from '../../api/mutations';
import { queries, queryClient } from '../../api/queries';

/**
 * Where exports and documents are saved, for the browser host: a page cannot show the system's save
 * dialog there, so files go to one folder. Shown only where the platform saves to a folder (the
 * Electron app asks with a save dialog for each file), with `divider` before it. The host checks the
 * folder before keeping it.
 */
export function SaveFolderSection({ divider }: { divider?: ReactNode }) {
  const info = useQuery(queries.saveFolder()).data;
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!info?.applies) return null;
  const value = text ?? info.chosen ?? '';

  const keep = async (folder: string | null) => {
    setSaved(null);
    setError(null);
    try {
      const next = await write('settings:setSaveFolder', { folder });
      queryClient.setQueryData(queries.saveFolder().queryKey, next);
      setText(null);
      setSaved(`Files are now saved to ${next.inUse}.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const folder = value.trim();
    if (folder === '') void keep(null);
    else void keep(folder);
  };

  return (
    <>
      {divider}
    <Stack component="form" onSubmit={submit} noValidate aria-labelledby="save-folder-title" sx={{ gap: 1.5, maxWidth: 640 }}>
      <Typography id="save-folder-title" variant="h6" component="h2">
        Save folder
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Exports, purchase orders and calendar files are saved here. Leave it empty to use {info.defaultFolder}.
      </Typography>
      <Stack direction="row" sx={{ gap: 2 }}>
        <TextField
          size="small"
          label="Folder"
          value={value}
          placeholder={info.defaultFolder ?? undefined}
          onChange={(e) => setText(e.target.value)}
          error={error !== null}
          helperText={error ?? `Now: ${info.inUse}`}
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <Button type="submit" variant="outlined" sx={{ alignSelf: 'flex-start', mt: 0.25, flexShrink: 0, whiteSpace: 'nowrap' }}>
          Save folder
        </Button>
        {info.chosen !== null && (
          <Button onClick={() => void keep(null)} sx={{ alignSelf: 'flex-start', mt: 0.25, flexShrink: 0, whiteSpace: 'nowrap' }}>
            Use default
          </Button>
        )}
      </Stack>
      {saved && <Alert severity="success">{saved}</Alert>}
    </Stack>
    </>
  );
}
