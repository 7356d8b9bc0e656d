import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** A database handle: PGlite or PostgreSQL, the same API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; query functions accept `Db | Tx`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

/** Which engine a database runs on. */
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The raw PGlite instance (embedded only): used to dump test templates. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** `postgres://...`; when absent, an embedded PGlite database. */
  url?: string;
  /** Where PGlite keeps its files; absent means in memory. */
  dataDir?: string;
  /** A PGlite data directory dump to start from (tests). */
  loadDataDir?: Blob | File;
}

const pgliteExtensions = { btree_gin, ltree, pg_trgm, unaccent };

/** Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.url) {
    // JIT compilation costs ~200 ms on large counts and buys nothing for short OLTP queries.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      options: '-c jit=off',
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    extensions: pgliteExtensions,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}
