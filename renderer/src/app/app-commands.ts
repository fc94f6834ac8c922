import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppCommandName } from '../../../shared/ipc/events';
import { onAppCommand } from '../api/client';
import { commandTarget } from './command-target';
import { licensesRoute, useRoute } from './route';
import { shortcutCommand } from './shortcuts';

/** The menu command waiting for its page (seq tells two presses of the same item apart). */
const usePending = create<{ pending: { command: AppCommandName; seq: number } | null }>(() => ({ pending: null }));
let seq = 0;

/** Whether the keyboard shortcuts dialog is open (the shell shows it over any page). */
export const useShortcutsHelp = create<{ open: boolean }>(() => ({ open: false }));

/** Carries out a command from the application menu or the keyboard: one path for both. */
export function runAppCommand(command: AppCommandName): void {
  if (command === 'shortcuts') {
    useShortcutsHelp.setState({ open: true });
    return;
  }
  const { route, go } = useRoute.getState();
  const target = commandTarget(command, route.page);
  if (target.navigate) go(target.page === 'settings' ? { page: 'settings' } : licensesRoute());
  if (target.pending) usePending.setState({ pending: { command: target.pending, seq: ++seq } });
}

/**
 * Listens for the application menu's commands (Electron only; the browser host has no menu) and for
 * the same commands on the keyboard. In Electron the menu's accelerators take Ctrl+N, Ctrl+I and
 * Ctrl+F before the page sees them; a command that arrives twice only opens what is already open.
 */
export function listenForAppCommands(): () => void {
  const offMenu = onAppCommand(({ command }) => runAppCommand(command));
  const onKey = (e: KeyboardEvent) => {
    // A dialog open over the page keeps its keys (the shortcuts dialog closes on its own keys).
    if (document.querySelector('[role="dialog"]')) return;
    const command = shortcutCommand(e, isTyping(e.target));
    if (!command) return;
    e.preventDefault();
    runAppCommand(command);
  };
  window.addEventListener('keydown', onKey);
  return () => {
    offMenu();
    window.removeEventListener('keydown', onKey);
  };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)) || target.getAttribute('role') === 'combobox';
}

/** For the page that carries commands out: `handle` runs once per command, also one sent before it mounted. */
export function useAppCommands(handle: (command: AppCommandName) => void): void {
  const pending = usePending((s) => s.pending);
  useEffect(() => {
    if (!pending) return;
    usePending.setState({ pending: null });
    handle(pending.command);
  }, [pending, handle]);
}
