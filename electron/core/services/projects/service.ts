import type { Hosting, Project, StoredKey } from '../../../../shared/domain/project.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { notFound } from '../../errors.js';
import type { Vault } from '../../secrets/vault.js';

interface KeyRow {
  id: number;
  kind: StoredKey['kind'];
  key_masked: string;
  key_summary: string;
  project_code: string | null;
  session_password_set: number;
  created_at: string;
}

function toStoredKey(r: KeyRow): StoredKey {
  return { id: r.id, kind: r.kind, masked: r.key_masked, summary: r.key_summary, projectCode: r.project_code, sessionPasswordSet: r.session_password_set === 1, createdAt: r.created_at };
}

export interface ProjectService {
  list(): Project[];
  get(id: number): Project;
  byCode(code: string): Project;
  /** Records who hosts the project's License Server (Dynamsoft or the customer). */
  setHosting(code: string, hosting: Hosting): Project;
  unassignedKeys(): StoredKey[];
  /** The one path by which a key's clear text leaves the store. */
  revealKey(id: number): string;
}

export function createProjectService(db: WritableDb, vault: Vault, nowIso: () => string): ProjectService {
  const KEYS = `SELECT k.id, k.kind, k.key_masked, k.key_summary, pr.handshake_code AS project_code, k.session_password_set, k.created_at
                FROM license_keys k LEFT JOIN projects pr ON pr.id = k.project_id`;
  const PROJECTS = `SELECT pr.*, (SELECT count(*) FROM license_items li WHERE li.project_id = pr.id) AS item_count FROM projects pr`;

  function toProject(r: Record<string, unknown>): Project {
    const keys = (db.prepare(`${KEYS} WHERE k.project_id = ? ORDER BY k.created_at, k.id`).all(r.id) as KeyRow[]).map(toStoredKey);
    return {
      id: r.id as number,
      handshakeCode: r.handshake_code as string,
      organizationId: r.organization_id as string,
      hosting: r.hosting as Project['hosting'],
      mainServerUrl: (r.main_server_url as string | null) ?? null,
      standbyServerUrl: (r.standby_server_url as string | null) ?? null,
      itemCount: r.item_count as number,
      keys,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
    };
  }

  return {
    list: () => (db.prepare(`${PROJECTS} ORDER BY pr.handshake_code`).all() as Record<string, unknown>[]).map(toProject),
    get(id) {
      const r = db.prepare(`${PROJECTS} WHERE pr.id = ?`).get(id) as Record<string, unknown> | undefined;
      if (!r) throw notFound('That project');
      return toProject(r);
    },
    byCode(code) {
      const r = db.prepare(`${PROJECTS} WHERE pr.handshake_code = ?`).get(code) as Record<string, unknown> | undefined;
      if (!r) throw notFound(`Project ${code}`);
      return toProject(r);
    },
    setHosting(code, hosting) {
      writeTransaction(db, () => {
        const changed = db.prepare('UPDATE projects SET hosting = ?, updated_at = ? WHERE handshake_code = ?').run(hosting, nowIso(), code).changes;
        if (changed === 0) throw notFound(`Project ${code}`);
      });
      return this.byCode(code);
    },
    unassignedKeys: () => (db.prepare(`${KEYS} WHERE k.project_id IS NULL ORDER BY k.created_at, k.id`).all() as KeyRow[]).map(toStoredKey),
    revealKey(id) {
      const r = db.prepare('SELECT key_text FROM license_keys WHERE id = ?').get(id) as { key_text: string } | undefined;
      if (!r) throw notFound('That key');
      return vault.open(r.key_text);
    },
  };
}
