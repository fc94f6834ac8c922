import type { WritableDb } from '../connection.js';

export interface Migration {
  /** 1, 2, 3 … contiguous; the database's user_version after this migration has run. */
  version: number;
  name: string;
  up(db: WritableDb): void;
}
