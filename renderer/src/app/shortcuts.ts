import type { AppCommandName } from '../../../shared/ipc/events';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The shortcuts, as the help dialog lists them (the same as the application menu's accelerators). */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Ctrl+F', '/'], action: 'Search the licenses' },
  { keys: ['Escape'], action: 'Clear the search (in the search box)' },
  { keys: ['Ctrl+N'], action: 'Add a license' },
  { keys: ['Ctrl+I'], action: 'Import licenses or keys' },
  { keys: ['Ctrl+Shift+E'], action: 'Export the list as shown' },
  { keys: ['Ctrl+,'], action: 'Settings' },
  { keys: ['F1', '?'], action: 'This list of shortcuts' },
];

/**
 * The command a key press asks for, or null. Ctrl stands for Cmd on macOS. Plain keys ("/", "?") count
 * only while the person is not typing in a field, where they are text.
 */
export function shortcutCommand(e: KeyPress, typing: boolean): AppCommandName | null {
  const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
  const key = e.key.toLowerCase();
  if (e.key === 'F1') return 'shortcuts';
  if (mod) {
    if (key === 'f') return 'find';
    if (key === 'n') return 'new';
    if (key === 'i') return 'import';
    if (key === 'e' && e.shiftKey) return 'export';
    if (key === ',') return 'settings';
    return null;
  }
  if (typing || e.altKey) return null;
  if (e.key === '/') return 'find';
  if (e.key === '?') return 'shortcuts';
  return null;
}
