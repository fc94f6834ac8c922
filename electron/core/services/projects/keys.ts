import type { Hosting, KeyCheck } from '../../../../shared/domain/project.js';
import { LicenseKeyError, decodeLicenseKey, describeKey, maskKey, splitPastedKeys, type DecodedKey } from '../../../../shared/keys/license-key.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import type { Vault } from '../../secrets/vault.js';
import { keyColumns } from './key-store.js';

const DYNAMSOFT_HOSTS = /(^|\.)(dynamsoft\.com|dynamsoftonline\.com)$/i;

/** Dynamsoft's own server names mean Dynamsoft-hosted; any other server is the customer's own DLS. */
export function inferHosting(urls: (string | undefined)[]): Hosting {
  const hosts = urls.filter((u): u is string => Boolean(u)).map((u) => {
    try {
      return new URL(u).hostname;
    } catch {
      return '';
    }
  });
  if (hosts.length === 0) return 'unknown';
  return hosts.every((h) => DYNAMSOFT_HOSTS.test(h)) ? 'dynamsoft' : 'self';
}

interface Planned {
  check: KeyCheck;
  key: string;
  decoded: DecodedKey | null;
}

function plan(db: WritableDb, vault: Vault, text: string): Planned[] {
  const knownKey = db.prepare('SELECT 1 FROM license_keys WHERE key_fingerprint = ?');
  const knownProject = db.prepare('SELECT 1 FROM projects WHERE handshake_code = ?');
  const newProjects = new Set<string>();
  return splitPastedKeys(text).map((key, index) => {
    const base = { index, masked: maskKey(key) };
    let decoded: DecodedKey;
    try {
      decoded = decodeLicenseKey(key);
    } catch (err) {
      const message = err instanceof LicenseKeyError ? err.message : 'This key could not be read.';
      return { key, decoded: null, check: { ...base, ok: false, kind: null, summary: '', projectCode: null, outcome: 'rejected', error: message } };
    }
    const projectCode = decoded.kind === 'dls2' ? (decoded.fields.handshakeCode ?? null) : null;
    let outcome: KeyCheck['outcome'] = 'created';
    if (knownKey.get(vault.fingerprint(key))) outcome = 'duplicate';
    else if (projectCode && (knownProject.get(projectCode) || newProjects.has(projectCode))) outcome = 'attached';
    if (projectCode && outcome !== 'duplicate') newProjects.add(projectCode);
    return { key, decoded, check: { ...base, ok: true, kind: decoded.kind, summary: describeKey(decoded), projectCode, outcome, error: null } };
  });
}

function summarise(checks: KeyCheck[], written: boolean): string {
  const n = (o: KeyCheck['outcome']) => checks.filter((c) => c.outcome === o).length;
  const rejected = n('rejected');
  const counts = `${n('created')} new, ${n('attached')} added to known projects, ${n('duplicate')} already stored, ${rejected} rejected`;
  if (checks.length === 0) return 'No keys found in the text.';
  if (!written) return `Nothing was imported because ${rejected} ${rejected === 1 ? 'key was' : 'keys were'} rejected (${counts}).`;
  return `Imported: ${counts}.`;
}

export interface KeyService {
  check(text: string): KeyCheck[];
  import(text: string, mode: 'all-or-nothing' | 'valid-only'): { written: boolean; message: string; checks: KeyCheck[] };
}

/**
 * Pasted keys. A DLS2 key names a project (handshake code), so it creates or attaches that project
 * and records its servers; trial and offline keys are stored on their own. The key text itself is a
 * secret: it is stored, and returned only masked.
 */
export function createKeyService(db: WritableDb, nowIso: () => string, vault: Vault): KeyService {
  return {
    check: (text) => plan(db, vault, text).map((p) => p.check),
    import(text, mode) {
      return writeTransaction(db, () => {
        const planned = plan(db, vault, text);
        const checks = planned.map((p) => p.check);
        const rejected = checks.some((c) => c.outcome === 'rejected');
        if (checks.length === 0 || (rejected && mode === 'all-or-nothing')) return { written: false, message: summarise(checks, false), checks };
        const now = nowIso();
        const upsertProject = db.prepare(
          `INSERT INTO projects (handshake_code, organization_id, hosting, main_server_url, standby_server_url, created_at, updated_at)
           VALUES (@code, @org, @hosting, @main, @standby, @now, @now)
           ON CONFLICT(handshake_code) DO UPDATE SET
             hosting = CASE WHEN projects.hosting = 'unknown' THEN excluded.hosting ELSE projects.hosting END,
             main_server_url = coalesce(excluded.main_server_url, projects.main_server_url),
             standby_server_url = coalesce(excluded.standby_server_url, projects.standby_server_url),
             updated_at = excluded.updated_at`,
        );
        const projectId = db.prepare('SELECT id FROM projects WHERE handshake_code = ?');
        const insertKey = db.prepare(
          `INSERT INTO license_keys (kind, key_text, key_masked, key_summary, key_fingerprint, project_id, session_password_set, created_at)
           VALUES (@kind, @sealed, @masked, @summary, @fingerprint, @project, @session, @now) ON CONFLICT DO NOTHING`,
        );
        for (const p of planned) {
          if (!p.decoded || p.check.outcome === 'duplicate') continue;
          let pid: number | null = null;
          if (p.decoded.kind === 'dls2' && p.decoded.fields.handshakeCode) {
            const f = p.decoded.fields;
            upsertProject.run({ code: f.handshakeCode, org: f.organizationID, hosting: inferHosting([f.mainServerURL, f.standbyServerURL]), main: f.mainServerURL ?? null, standby: f.standbyServerURL ?? null, now });
            pid = (projectId.get(f.handshakeCode) as { id: number }).id;
          }
          const sessionSet = p.decoded.kind === 'dls2' && p.decoded.fields.sessionPassword !== undefined ? 1 : 0;
          insertKey.run({ kind: p.decoded.kind, ...keyColumns(vault, p.key, p.decoded), project: pid, session: sessionSet, now });
        }
        return { written: true, message: summarise(checks, true), checks };
      });
    },
  };
}
