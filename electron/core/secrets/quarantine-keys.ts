import fs from 'node:fs';

// What a license key looks like in a file's bytes: a DLS2 key (its base64 JSON starts with "eyJ") or a
// trial key (t, four digits, base64). Sealed keys are ciphertext and never match.
const CLEAR_KEY = /DLS2eyJ[A-Za-z0-9+/]{16}|t\d{4}[A-Za-z0-9+/]{40}/;

/**
 * Whether a file holds a license key in the clear. Quarantined data files (moved aside because they
 * were damaged) are kept untouched so the data can still be rescued, but one from before keys were
 * encrypted holds them in the clear. Those are named to the user, who decides; they are never
 * rewritten (a rewrite could lose what is left to rescue).
 */
export function holdsClearKey(file: string): boolean {
  return CLEAR_KEY.test(fs.readFileSync(file).toString('latin1'));
}

/** What the start notice says while quarantined files hold clear keys: which, and where to delete them. */
export function quarantineNotice(files: string[], quarantineDir: string): string | null {
  if (files.length === 0) return null;
  const which = files.length === 1 ? `${files[0]} in ${quarantineDir} holds` : `${files.length} files in ${quarantineDir} (${files.join(', ')}) hold`;
  const it = files.length === 1 ? 'it' : 'them';
  return `${which} license keys unencrypted: a damaged data file from an earlier version, kept untouched so its data can be rescued. Delete ${it} in Settings → Quarantined files once you no longer need ${it}, or keep ${it} as safe as the keys themselves.`;
}
