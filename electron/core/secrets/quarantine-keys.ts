import fs from 'node:fs';

// What a license key looks like in a file's bytes: a DLS2 key (its base64 JSON starts with "eyJ") or a
// trial key (t, four digits, base64). Sealed keys are ciphertext and never match.
const CLEAR_KEY = /DLS2eyJ[A-Za-z0-9+/]{16}|t\d{4}[A-Za-z0-9+/]{40}/;
// A data file can be hundreds of MB: it is read a chunk at a time, each chunk starting with the last
// bytes of the one before, more than the longest match (45), so a key across two chunks is still seen.
const CHUNK = 1 << 20;
const OVERLAP = 64;

/**
 * Whether a file holds a license key in the clear. Quarantined data files (moved aside because they
 * were damaged) are kept untouched so the data can still be rescued, but one from before keys were
 * encrypted holds them in the clear. Those are named to the user, who decides; they are never
 * rewritten (a rewrite could lose what is left to rescue).
 */
export function holdsClearKey(file: string): boolean {
  // A link is not followed (where the system can refuse one): only the file itself is read.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const buf = Buffer.alloc(CHUNK + OVERLAP);
    let carry = 0;
    let position = 0;
    for (;;) {
      const read = fs.readSync(fd, buf, carry, CHUNK, position);
      if (read === 0) return false;
      const end = carry + read;
      if (CLEAR_KEY.test(buf.toString('latin1', 0, end))) return true;
      position += read;
      carry = Math.min(OVERLAP, end);
      buf.copy(buf, 0, end - carry, end);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** What the start notice says while quarantined files hold clear keys: which, and where to delete them. */
export function quarantineNotice(files: string[], quarantineDir: string): string | null {
  if (files.length === 0) return null;
  const which = files.length === 1 ? `${files[0]} in ${quarantineDir} holds` : `${files.length} files in ${quarantineDir} (${files.join(', ')}) hold`;
  const it = files.length === 1 ? 'it' : 'them';
  const what = files.length === 1 ? 'a damaged data file from an earlier version, kept untouched so its data can be rescued' : 'damaged data files from an earlier version, kept untouched so their data can be rescued';
  return `${which} license keys unencrypted: ${what}. Delete ${it} in Settings → Quarantined files once you no longer need ${it}, or keep ${it} as safe as the keys themselves.`;
}
