import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';

export type SqlParameter = string | number | boolean | Date | null;

export interface SqlQueryable {
  query<Row>(sql: string, parameters?: SqlParameter[]): Promise<Row[]>;
}

/** The little the booking store needs from PostgreSQL, the same for PGlite and a server. */
export interface SqlClient extends SqlQueryable {
  transaction<T>(work: (sql: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Postgres in this process (WebAssembly), its files in a folder; or in memory for "memory://". */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const queryable = (target: Pick<PGlite, 'query'>): SqlQueryable => ({
    query: async <Row>(sql: string, parameters: SqlParameter[] = []) => (await target.query<Row>(sql, parameters)).rows,
  });
  return {
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}

/** A PostgreSQL server, shared by every instance of the bot. */
export function openPostgres(connectionString: string): SqlClient {
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
