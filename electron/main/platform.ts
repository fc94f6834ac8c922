import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, Notification, shell, type BrowserWindow } from 'electron';
import { AppError } from '../core/errors.js';
import { byteLength, safeFileName, type DesktopNotification, type PlatformPort } from '../core/platform/port.js';
import { openExternalSafely } from './window-policy.js';

/** The window forward: restored if minimised, shown if hidden, focused. */
function bringForward(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * The platform port in the Electron app: the system's save dialog (starting in Downloads), shell for
 * opening and revealing files and for allowlisted links, and desktop notifications. A click on a
 * notification brings the window forward and hands the notification to `onClick` (which opens its digest).
 */
export function createElectronPlatform(window: () => BrowserWindow | null, onClick: (n: DesktopNotification) => void): PlatformPort {
  // A Notification with no reference left can be garbage-collected before it is clicked, and its
  // click handler with it: each is kept until it is clicked or closed.
  const shown = new Set<Notification>();
  return {
    saveTarget: 'dialog',
    notificationsBy: 'system',
    async saveFile(request) {
      const options = {
        defaultPath: path.join(app.getPath('downloads'), safeFileName(request.suggestedName)),
        filters: request.filter ? [request.filter] : [],
      };
      const win = window();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await fs.writeFile(choice.filePath, request.content);
      return { path: choice.filePath, bytes: byteLength(request.content) };
    },
    async openPath(p) {
      // shell.openPath resolves with an error string rather than rejecting.
      const error = await shell.openPath(p);
      if (error) throw new AppError('NOT_FOUND', `Could not open ${path.basename(p)}: ${error}`);
    },
    async showItemInFolder(p) {
      shell.showItemInFolder(p);
    },
    // The app's one shell.openExternal, reached only through openExternalSafely's https allowlist
    // (window-policy.ts, unit-tested). Electronegativity cannot see that check, so its finding is waived here.
    openExternal: (url) => openExternalSafely(url, (u) => shell.openExternal(u)), // eng-disable OPEN_EXTERNAL_JS_CHECK (allowlisted, see above)
    notify(n) {
      if (!Notification.isSupported()) return false;
      const note = new Notification({ title: n.title, body: n.body });
      shown.add(note);
      note.on('click', () => {
        shown.delete(note);
        bringForward(window());
        onClick(n);
      });
      note.on('close', () => shown.delete(note));
      note.show();
      return true;
    },
    folderChoice: 'dialog',
    async chooseFolder({ title, typed }) {
      const options = { title, defaultPath: typed, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const win = window();
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  };
}
