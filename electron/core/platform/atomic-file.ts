import fs from 'node:fs';
import path from 'node:path';

/** fsync on a directory makes a rename in it durable; some platforms refuse to open a directory, which is fine. */
export function syncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory handle; NTFS journals the rename itself.
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a whole file or nothing: a temporary name beside it, fsync, rename over, fsync the folder.
 * A crash leaves either the old file or the new one, never a short one (a 0-byte key file locked
 * every stored key for good before this).
 */
export function writeFileAtomic(file: string, data: Buffer | string, mode = 0o600): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}
