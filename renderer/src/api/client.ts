import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { FieldIssue, IpcErrorCode } from '../../../shared/ipc/result';
import type { EventSubscribers } from '../../../shared/ipc/api';
import type { AppCommand, DataChanged, DayChanged, JobProgress, OpenDigest } from '../../../shared/ipc/events';

/** An IPC failure as the rest of the renderer sees it: a code to switch on, words for people. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/**
 * The only module that touches `window.api`. It unwraps the result envelope into a value or a
 * thrown IpcError, so stores and components never see transport details.
 */
export async function call<C extends Channel>(channel: C, ...args: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const fn = window.api?.[channel] as ((input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: IpcErrorCode; message: string; issues?: FieldIssue[] } }>) | undefined;
  if (!fn) throw new IpcError('INTERNAL', 'License Desk is not connected to its data (no api bridge).');
  const result = await fn(args[0]);
  if (result.ok) return result.value as ChannelOutput<C>;
  throw new IpcError(result.error.code, result.error.message, result.error.issues ?? []);
}

/** Events from the core (shared/ipc/events.ts). Each returns the function that unsubscribes. */
export function onJobProgress(listener: (progress: JobProgress) => void): () => void {
  return subscribe('onJobProgress', listener);
}

export function onDataChanged(listener: (change: DataChanged) => void): () => void {
  return subscribe('onDataChanged', listener);
}

/** Whether the bridge delivers "data changed" events (it does in the app and the browser host). */
export function hearsDataChanges(): boolean {
  return typeof window.api?.onDataChanged === 'function';
}

/** The application menu's commands (Electron only). */
export function onAppCommand(listener: (command: AppCommand) => void): () => void {
  return subscribe('onAppCommand', listener);
}

/** The local day changed in the core's clock (midnight, or a wake from sleep on a later day). */
export function onDayChanged(listener: (change: DayChanged) => void): () => void {
  return subscribe('onDayChanged', listener);
}

/** A desktop digest was clicked (the app's notification, or the browser's in the host). */
export function onOpenDigest(listener: (open: OpenDigest) => void): () => void {
  return subscribe('onOpenDigest', listener);
}

function subscribe<S extends keyof EventSubscribers>(method: S, listener: Parameters<EventSubscribers[S]>[0]): () => void {
  const fn = window.api?.[method] as ((l: typeof listener) => () => void) | undefined;
  // Without a bridge there is nothing to hear; calls say so loudly (see `call`), events stay quiet.
  return fn ? fn(listener) : () => undefined;
}
