import type { SenderInfo } from '../core/ipc/router.js';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads (a structural type, for tests). */
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown; getURL(): string };
}

/**
 * Who sent an IPC call, for the sender guard. Under Playwright's `_electron` the main frame's
 * `senderFrame.url` can be empty; the page's own URL (webContents.getURL) stands in then, for the
 * main frame only, and still has to pass the guard's exact origin check.
 */
export function senderOf(event: IpcEventLike): SenderInfo {
  const frame = event.senderFrame;
  const isMainFrame = frame !== null && frame === event.sender.mainFrame;
  return { url: frame?.url || (isMainFrame ? event.sender.getURL() : ''), isMainFrame };
}
