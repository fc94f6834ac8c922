import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.js';

const issue = (message: string) => [{ path: 'folder', message }];
const refuse = (message: string, short: string) => new AppError('INVALID_INPUT', message, issue(short));

/**
 * A folder named in Settings, checked the way a save will use it: a whole path, an existing
 * folder, and one a file can be written to (a probe file, written and removed; permission bits alone
 * say nothing to a root process or on a read-only disk). Resolves to the folder's whole path.
 */
export async function checkSaveFolder(folder: string): Promise<string> {
  const given = folder.trim();
  if (!path.isAbsolute(given)) throw refuse(`Give the folder's whole path (it starts with ${path.parse(process.cwd()).root}).`, 'Not a whole path');
  const abs = path.resolve(given);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch {
    throw refuse(`${abs} does not exist. Create it first, or choose another folder.`, 'No such folder');
  }
  if (!stat.isDirectory()) throw refuse(`${abs} is a file, not a folder.`, 'Not a folder');
  const probe = path.join(abs, `.license-desk-write-check-${crypto.randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(probe, '', { flag: 'wx' });
  } catch (err) {
    throw refuse(`License Desk cannot save files in ${abs} (${(err as NodeJS.ErrnoException).code ?? 'not writable'}). Choose a folder you can write to.`, 'Cannot write here');
  }
  await fs.rm(probe, { force: true });
  return abs;
}
