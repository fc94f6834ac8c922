import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppCommandName } from '../../../shared/ipc/events';
import { onAppCommand } from '../api/client';
import { commandTarget } from './command-target';
import { licensesRoute, useRoute } from './route';

/** The menu command waiting for its page (seq tells two presses of the same item apart). */
const usePending = create<{ pending: { command: AppCommandName; seq: number } | null }>(() => ({ pending: null }));
let seq = 0;

/** Listens for the application menu's commands (Electron only; the browser host has no menu). */
export function listenForAppCommands(): () => void {
  return onAppCommand(({ command }) => {
    const { route, go } = useRoute.getState();
    const target = commandTarget(command, route.page);
    if (target.navigate) go(target.page === 'settings' ? { page: 'settings' } : licensesRoute());
    if (target.pending) usePending.setState({ pending: { command: target.pending, seq: ++seq } });
  });
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
