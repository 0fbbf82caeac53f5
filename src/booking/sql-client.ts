import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export type SqlParameter = string | number | boolean | Date | null;

export interface SqlQueryable {
  query<Row>(sql: string, parameters?: SqlParameter[]): Promise<Row[]>;
}

/** The little the booking store needs from PostgreSQL, the same for PGlite and a server. */
export interface SqlClient extends SqlQueryable {
  transaction<T>(work: (sql: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite's files belong to one process: two processes on one folder would corrupt it. A lock file
 * holding the owner's pid refuses a second one; a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = path.join(dataDir, 'pitstop.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(`DATA_DIR ${dataDir} is in use by another process (pid ${owner}); several instances need DATABASE_URL`);
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

/** Postgres in this process (WebAssembly), its files in a folder; or in memory for "memory://". */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  // Loaded here, not with the module: a start answers before the booking store opens (issue 15: cold start).
  const { PGlite: EmbeddedPostgres } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  const db = await EmbeddedPostgres.create(dataDir).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const queryable = (target: Pick<PGlite, 'query'>): SqlQueryable => ({
    query: async <Row>(sql: string, parameters: SqlParameter[] = []) => (await target.query<Row>(sql, parameters)).rows,
  });
  return {
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}

/** A PostgreSQL server, shared by every instance of the bot. */
export function openPostgres(connectionString: string): SqlClient {
  // Loaded only where a server is configured: most starts use PGlite.
  const { Pool } = require('pg') as typeof import('pg');
  const pool = new Pool({ connectionString, max: 5, connectionTimeoutMillis: 5000 });
  // An idle connection the server drops must not take the process with it; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    query: async <Row>(sql: string, parameters: SqlParameter[] = []) => (await pool.query(sql, parameters)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(sql: string, parameters: SqlParameter[] = []) => (await client.query(sql, parameters)).rows as Row[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
