import path from 'node:path';
import { AppError } from '../errors.js';
/**
 * What the core asks of the desktop around it: save a file where the user wants it, open a file with
 * its default app, show it in its folder, open an allowlisted web page, show a notification. The
 * Electron glue implements it with dialog, shell and Notification (`electron/main/platform.ts`); the
 * browser host with a folder named in Settings (`electron/host/platform.ts`); tests with
 * `createFakePlatform`. Passed into the core like the key protector; files the user keeps are written
 * only through here (or by the backups).
 */
export interface SaveRequest {
  /** A file name without folders; the platform may ask the user for another. */
  suggestedName: string;
  content: string | Uint8Array;
  /** For the save dialog's type filter, e.g. { name: 'CSV', extensions: ['csv'] }. */
  filter?: { name: string; extensions: string[] };
}

export interface SavedFile {
  path: string;
  bytes: number;
}

export type SaveTarget = 'dialog' | 'folder';

/** A desktop notification; `digestDay` makes a click open the app at that day's digest. */
export interface DesktopNotification {
  title: string;
  body: string;
  digestDay?: string;
}

/** Who shows notifications: the operating system (Electron), or the open page with the web Notification API. */
export type NotificationShower = 'system' | 'page';

/** How a folder is picked: the system's folder dialog (Electron), or a path the user types (the browser host). */
export type FolderChoice = 'dialog' | 'typed';

/** The folder a 'folder' platform saves to, beyond the one named in Settings (kept by the core). */
export interface SaveFolderPort {
  /** Where files go while Settings names none: Downloads, or the host's --save-folder. */
  fallback(): string;
  /** The folder's whole path once it exists and can be written to; else an AppError saying why. */
  check(folder: string): Promise<string>;
}

export interface PlatformPort {
  /** How saving picks a place: a dialog per file (Electron), or a folder set in Settings (the browser host). */
  readonly saveTarget: SaveTarget;
  /** Only where saveTarget is 'folder' (the browser host). */
  readonly saveFolder?: SaveFolderPort;
  /** null when the user closed the save dialog without choosing a place: nothing was written. */
  saveFile(request: SaveRequest): Promise<SavedFile | null>;
  openPath(path: string): Promise<void>;
  showItemInFolder(path: string): Promise<void>;
  /** Only URLs the one allowlist accepts (`electron/main/window-policy.ts`); false when refused. */
  openExternal(url: string): Promise<boolean>;
  readonly notificationsBy: NotificationShower;
  /**
   * Shows it, or hands it to the page that will; false when nothing could take it (no notification
   * support, no page open), so the caller may try again later.
   */
  notify(notification: DesktopNotification): boolean;
  readonly folderChoice: FolderChoice;
  /**
   * A folder the user picks (the second backup folder): the dialog, starting at `typed` when given,
   * or, where folders are typed, `typed` itself as an absolute path. null when the user cancelled.
   */
  chooseFolder(request: { title: string; typed?: string }): Promise<string | null>;
}

/** A typed folder as the browser host and the tests take it: absolute, normalised, else refused. */
export function typedFolder(typed: string | undefined): string | null {
  const t = typed?.trim();
  if (!t) return null;
  if (!path.isAbsolute(t)) throw new AppError('INVALID_INPUT', 'Type the folder\'s full path (for example /media/usb/backups or \\\\server\\share\\backups).', [{ path: 'path', message: 'A full path' }]);
  return path.resolve(t);
}

/** Safe as a file name on Windows, macOS and Linux: no folders, no reserved characters. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 180);
  return cleaned || 'untitled';
}

export function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

export interface FakePlatform extends PlatformPort {
  saved: { name: string; content: string | Uint8Array }[];
  opened: string[];
  revealed: string[];
  external: string[];
  notifications: DesktopNotification[];
  /** The next save behaves as if the user cancelled the dialog. */
  cancelNextSave(): void;
  /** Whether notify finds something to show notifications (true unless set). */
  canNotify: boolean;
}

/** A platform that records what it is asked to do, for tests. Saved files live in memory under /fake/. */
export function createFakePlatform(options: { saveTarget?: SaveTarget; notificationsBy?: NotificationShower; allowExternal?: (url: string) => boolean } = {}): FakePlatform {
  let cancelNext = false;
  const fake: FakePlatform = {
    saveTarget: options.saveTarget ?? 'dialog',
    notificationsBy: options.notificationsBy ?? 'system',
    notifications: [],
    canNotify: true,
    saved: [],
    opened: [],
    revealed: [],
    external: [],
    cancelNextSave() {
      cancelNext = true;
    },
    async saveFile(request) {
      if (cancelNext) {
        cancelNext = false;
        return null;
      }
      const name = safeFileName(request.suggestedName);
      fake.saved.push({ name, content: request.content });
      return { path: `/fake/${name}`, bytes: byteLength(request.content) };
    },
    async openPath(p) {
      fake.opened.push(p);
    },
    async showItemInFolder(p) {
      fake.revealed.push(p);
    },
    async openExternal(url) {
      if (options.allowExternal && !options.allowExternal(url)) return false;
      fake.external.push(url);
      return true;
    },
    notify(n) {
      if (!fake.canNotify) return false;
      fake.notifications.push(n);
      return true;
    },
    folderChoice: 'typed',
    chooseFolder: async ({ typed }) => typedFolder(typed),
  };
  return fake;
}
