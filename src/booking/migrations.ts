import type { SqlClient } from './sql-client';

/**
 * The schema, one step per entry, applied in order and never edited once shipped: a change is a new
 * entry. The same SQL runs on PGlite and on PostgreSQL.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE bookings (
     code text PRIMARY KEY,
     -- One counsellor per slot: the unique start is what makes a double booking impossible.
     slot_start timestamptz NOT NULL UNIQUE,
     slot_end timestamptz NOT NULL,
     mode text NOT NULL CHECK (mode IN ('in_person', 'phone')),
     about text CHECK (about IN ('self', 'relative')),
     language text NOT NULL CHECK (language IN ('da', 'en')),
     callback_phone text,
     handled boolean NOT NULL DEFAULT false
   );
   CREATE INDEX bookings_slot_end ON bookings (slot_end);`,
  // Counts for the limits on bookings and wrong codes, kept in the database so that every instance
  // counts against the same limit. Only a number per window: nothing about who was counted.
  `CREATE TABLE limit_counts (
     name text NOT NULL,
     window_start timestamptz NOT NULL,
     count integer NOT NULL,
     PRIMARY KEY (name, window_start)
   );`,
  // Call-back numbers sealed under keys kept outside the database (key-vault.ts), so that deleting a
  // key deletes the number also from the database's files. callback_phone is no longer written.
  `ALTER TABLE bookings ADD COLUMN callback_key text, ADD COLUMN callback_sealed text;`,
  // How the guide is used, per ISO week (src/usage): a content id or a fixed word as label, a number,
  // and nothing finer than a week or tied to a conversation. The checks keep free text out.
  `CREATE TABLE usage_counts (
     week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
     metric text NOT NULL CHECK (metric ~ '^[a-z_]{1,40}$'),
     label text NOT NULL CHECK (label ~ '^[a-z0-9_]{1,80}$'),
     count integer NOT NULL CHECK (count >= 0),
     PRIMARY KEY (week, metric, label)
   );`,
];

// Any constant will do; it only has to be the same for every instance migrating the same database.
const MIGRATION_LOCK = 7_245_001;

/** Brings the schema up to date; instances starting together take turns under an advisory lock. */
export async function migrate(client: SqlClient): Promise<number> {
  return client.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await sql.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)');
    const [{ version }] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const applied = version ?? 0;
    for (let index = applied; index < MIGRATIONS.length; index++) {
      for (const statement of MIGRATIONS[index].split(/;\s*$/m).filter((part) => part.trim() !== '')) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
    }
    return MIGRATIONS.length;
  });
}
