import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(code: string): void;
  error?: boolean;
  helperText?: string;
  autoFocus?: boolean;
}

/**
 * A project's handshake code: the known projects offered as you type (with their item counts), and any
 * other code accepted as typed (a project is created when a license first names it).
 */
export function ProjectCodeField({ id, label, value, onChange, error, helperText, autoFocus }: Props) {
  const projects = useQuery(queries.projects()).data ?? [];
  const counts = new Map(projects.map((p) => [p.handshakeCode, p.itemCount]));
  return (
    <Autocomplete
      freeSolo
      id={id}
      size="small"
      options={projects.map((p) => p.handshakeCode)}
      inputValue={value}
      onInputChange={(_e, text) => onChange(text)}
      renderOption={({ key, ...props }, code) => (
        <li key={key} {...props}>
          {code}
          <span style={{ marginLeft: 'auto', paddingLeft: 16, opacity: 0.7 }}>
            {counts.get(code) ?? 0} {counts.get(code) === 1 ? 'item' : 'items'}
          </span>
        </li>
      )}
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder="100123456-100654321" error={error} helperText={helperText} autoFocus={autoFocus} fullWidth />
      )}
    />
  );
}
