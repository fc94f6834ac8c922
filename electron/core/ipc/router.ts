import type { z } from 'zod';
import { contract, type Channel, type ChannelKind, type ChannelOutput, type ParsedInput } from '../../../shared/ipc/contract.js';
import type { FieldIssue, IpcErrorShape, IpcResult } from '../../../shared/ipc/result.js';
import { AppError, storageError } from '../errors.js';

/** What the transport knows about who called: the frame's URL and whether it is the top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

export interface RouterOptions {
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Parse outputs against the contract too (development and tests), so handler drift shows early. */
  checkOutputs: boolean;
  /** Receives unexpected errors; must not log payloads (they can hold license keys). */
  onInternalError?: (channel: string, err: unknown) => void;
  /** Receives calls slower than SLOW_CALL_MS: channel, kind and duration only, never payloads. */
  onSlowCall?: (channel: Channel, kind: ChannelKind, ms: number) => void;
  /**
   * Before a write channel runs: throws (an AppError) to refuse it, e.g. while a write job holds the
   * store, so the IPC thread never blocks on another connection's transaction.
   */
  admitWrite?: (channel: Channel) => void;
  /** After a write channel succeeded: the core tells open pages which data changed. */
  onWriteDone?: (channel: Channel) => void;
}

/** Over this a call is worth knowing about (Signal Desktop logs SQL calls over 40 ms the same way). */
export const SLOW_CALL_MS = 40;

export type Dispatch = (channel: string, rawInput: unknown, sender: SenderInfo) => Promise<IpcResult<unknown>>;

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

// Paths can hold data (a record's keys are an import file's headers), so a log line gets a short
// form of each part; messages are the schema's own words.
const LOGGED_PATH_PART = 40;

function shortPart(t: string): string {
  return t.length > LOGGED_PATH_PART ? `${t.slice(0, LOGGED_PATH_PART)}…` : t;
}

function loggableIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 10).map((i) => ({
    path: i.path.map((p) => shortPart(String(p))).join('.'),
    message: i.message.slice(0, 200),
  }));
}

function fail(code: IpcErrorShape['code'], message: string, issues?: FieldIssue[]): IpcResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The single IPC entry point, used by both the Electron glue (ipcMain.handle) and the browser host
 * (HTTP). It checks the sender, parses the input strictly, runs the handler and wraps the result.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Dispatch {
  return async function dispatch(channel, rawInput, sender) {
    if (typeof channel !== 'string' || !isChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no channel named "${String(channel).slice(0, 80)}".`);
    if (!options.isTrustedSender(sender)) return fail('UNTRUSTED_SENDER', 'The request came from a page that is not License Desk.');

    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) return fail('INVALID_INPUT', 'Some values are not valid.', zodIssues(parsed.error));

    const started = performance.now();
    try {
      if (spec.kind === 'write') options.admitWrite?.(channel);
      const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      if (options.checkOutputs) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          options.onInternalError?.(channel, new Error(`Output does not match the contract: ${JSON.stringify(loggableIssues(out.error))}`));
          return fail('INTERNAL', 'License Desk produced an unexpected answer. Please report this.');
        }
      }
      if (spec.kind === 'write') options.onWriteDone?.(channel);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.issues);
      const storage = storageError(err);
      if (storage) return fail(storage.code, storage.message);
      options.onInternalError?.(channel, err);
      return fail('INTERNAL', 'Something went wrong inside License Desk. Your data was not changed.');
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) options.onSlowCall?.(channel, spec.kind, ms);
    }
  };
}
