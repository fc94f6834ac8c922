import { AppError } from '../errors.js';
import type { PlatformPort, SaveRequest, SavedFile } from './port.js';

export interface SavedFiles {
  /** Saves through the port and remembers the path, so the page may open or reveal it later. */
  save(request: SaveRequest): Promise<SavedFile | null>;
  open(path: string): Promise<void>;
  reveal(path: string): Promise<void>;
}

/**
 * The renderer may open or reveal only files License Desk itself saved since it started: a page
 * that could name any path would be a way to launch anything on the machine.
 */
export function createSavedFiles(platform: PlatformPort): SavedFiles {
  const paths = new Set<string>();
  const known = (p: string) => {
    if (!paths.has(p)) throw new AppError('NOT_FOUND', 'License Desk opens only the files it saved since it started.');
    return p;
  };
  return {
    async save(request) {
      const saved = await platform.saveFile(request);
      if (saved) paths.add(saved.path);
      return saved;
    },
    open: (p) => platform.openPath(known(p)),
    reveal: (p) => platform.showItemInFolder(known(p)),
  };
}
