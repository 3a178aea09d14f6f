import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Backend, Schema } from '../database.ts';
import { postgresBulk } from './bulk.ts';

// BIGINT and NUMERIC come back as strings by default; our ids and counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Connects to PostgreSQL (`postgres://…`); the full-text index is a generated tsvector column. */
export function connectPostgres(url: string): Backend {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    caps: { skipLocked: true, concurrentWriters: true },
    ddl: { idType: 'bigserial', blobType: 'bytea', autoIncrement: false },
    bulk: postgresBulk(),
    fts: {
      async create(d) {
        await sql`ALTER TABLE ads ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(
          d,
        );
        await sql`CREATE INDEX ads_search_tsv ON ads USING gin (search_tsv)`.execute(d);
      },
      async upsert() {
        // The generated column keeps itself in step.
      },
      async remove() {
        // Rows leave the index when they are deleted.
      },
      match(terms) {
        const q = terms.map((t) => `${t}:*`).join(' & ');
        return sql<boolean>`ads.search_tsv @@ to_tsquery('simple', ${q})`;
      },
    },
    async currentSchema() {
      const r = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db);
      return r.rows[0]?.s;
    },
    async refreshStatistics(tables) {
      for (const t of tables) await sql`VACUUM (ANALYZE) ${sql.table(t)}`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
