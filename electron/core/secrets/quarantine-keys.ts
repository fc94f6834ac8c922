import fs from 'node:fs';
import path from 'node:path';

// What a license key looks like in a file's bytes: a DLS2 key (its base64 JSON starts with "eyJ") or a
// trial key (t, four digits, base64). Sealed keys are ciphertext and never match.
const CLEAR_KEY = /DLS2eyJ[A-Za-z0-9+/]{16}|t\d{4}[A-Za-z0-9+/]{40}/;

/**
 * Quarantined data files (moved aside because they were damaged) are kept untouched so the data can
 * still be rescued, but one from before keys were encrypted holds them in the clear. These are named
 * to the user, who decides; they are never rewritten (a rewrite could lose what is left to rescue).
 */
export function quarantinedClearKeyFiles(quarantineDir: string): string[] {
  if (!fs.existsSync(quarantineDir)) return [];
  return fs
    .readdirSync(quarantineDir)
    .filter((name) => {
      const file = path.join(quarantineDir, name);
      return fs.statSync(file).isFile() && CLEAR_KEY.test(fs.readFileSync(file).toString('latin1'));
    })
    .sort();
}

export function quarantineNotice(files: string[], quarantineDir: string): string | null {
  if (files.length === 0) return null;
  const which = files.length === 1 ? `${files[0]} in ${quarantineDir} holds` : `${files.length} files in ${quarantineDir} (${files.join(', ')}) hold`;
  return `${which} license keys unencrypted: a damaged data file from an earlier version, kept untouched so its data can be rescued. Delete it once you no longer need it, or keep it as safe as the keys themselves.`;
}
