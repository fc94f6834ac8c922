import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import { useRef } from 'react';

const ACCEPT = '.csv,.json,text/csv,application/json';

/**
 * A visible button for people and keyboards, and a visually hidden file input labelled
 * "License file" for assistive tech and tests. The input is not inside the button, because
 * interactive content inside a <button> is invalid HTML.
 */
export function FilePicker({ label, variant, onFile }: { label: string; variant: 'contained' | 'outlined'; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} size={variant === 'outlined' ? 'small' : 'medium'} startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        aria-label="License file"
        tabIndex={-1}
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', opacity: 0 }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same (now corrected) file again still fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
