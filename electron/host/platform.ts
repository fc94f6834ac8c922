import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { byteLength, safeFileName, typedFolder, type DesktopNotification, type PlatformPort } from '../core/platform/port.js';
import { isAllowedExternalUrl } from '../main/window-policy.js';
import { checkSaveFolder } from './save-folder.js';

/** Where the browser host saves files until the user names a folder in Settings. */
export function defaultSaveFolder(home = os.homedir()): string {
  return path.join(home, 'Downloads');
}

export interface HostPlatformOptions {
  /** The folder named in Settings, or null for the default (Downloads). Read on every save. */
  saveFolder: () => string | null;
  /** Where files go when Settings names no folder; Downloads unless given. */
  fallbackFolder?: () => string;
  /** Hands a notification to the open pages, which show it where the browser permits; false when no page is open. */
  notify: (n: DesktopNotification) => boolean;
  /** The system's opener (xdg-open, open, explorer); replaced in tests. */
  open?: (target: string) => Promise<void>;
  platform?: NodeJS.Platform;
}

/** The opener command for a path or URL; `explorer /select,` reveals a file on Windows. */
export function openerCommand(platform: NodeJS.Platform, target: string, reveal = false): [string, string[]] {
  if (platform === 'darwin') return ['open', reveal ? ['-R', target] : [target]];
  if (platform === 'win32') return ['explorer', reveal ? [`/select,${target}`] : [target]];
  // Linux desktops have no common "reveal"; opening the folder is the nearest thing.
  return ['xdg-open', [reveal ? path.dirname(target) : target]];
}

function runOpener(platform: NodeJS.Platform, target: string, reveal: boolean): Promise<void> {
  const [cmd, args] = openerCommand(platform, target, reveal);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.once('error', (err) => reject(new AppError('NOT_FOUND', `Could not open ${path.basename(target)}: ${err.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** "name.csv", then "name (1).csv", … : the host never overwrites a file the user already has. */
async function writeUnique(folder: string, name: string, content: string | Uint8Array): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 0; n < 1000; n++) {
    const file = path.join(folder, n === 0 ? name : `${stem} (${n})${ext}`);
    try {
      await fs.writeFile(file, content, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new AppError('CONFLICT', `${folder} already holds a thousand files named like ${name}.`);
}

/**
 * The platform port in the browser host: files go to a folder (Settings, default Downloads) since a
 * page cannot show the system's save dialog for the host; opening and revealing use the system's
 * opener; notifications go to the page.
 */
export function createHostPlatform(options: HostPlatformOptions): PlatformPort {
  const platform = options.platform ?? process.platform;
  const fallback = options.fallbackFolder ?? (() => defaultSaveFolder());
  const open = (target: string, reveal: boolean) => (options.open ? options.open(target) : runOpener(platform, target, reveal));
  return {
    saveTarget: 'folder',
    saveFolder: { fallback, check: checkSaveFolder },
    notificationsBy: 'page',
    async saveFile(request) {
      const folder = options.saveFolder() ?? fallback();
      try {
        await fs.mkdir(folder, { recursive: true });
        const file = await writeUnique(folder, safeFileName(request.suggestedName), request.content);
        return { path: file, bytes: byteLength(request.content) };
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('INVALID_INPUT', `Could not save to ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Choose another folder in Settings.`);
      }
    },
    openPath: (p) => open(p, false),
    showItemInFolder: (p) => open(p, true),
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      await open(url, false);
      return true;
    },
    notify: options.notify,
    // A page cannot show the host's folder dialog: the Backups section takes a typed path.
    folderChoice: 'typed',
    chooseFolder: async ({ typed }) => typedFolder(typed),
  };
}
