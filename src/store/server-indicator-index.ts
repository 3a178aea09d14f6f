import { type Kysely, sql } from 'kysely';

/**
 * `ad_indicators(ad_id, code)`: the indicator codes of each ad's latest analysis, kept in step by triggers
 * on `ads` whatever writes it (import, crawler, scoring API), so the list filter on indicator codes is an
 * index lookup instead of a scan of the analysis JSON. Trigger bodies are dialect SQL (JSON functions
 * differ), chosen by backend name here, in the one place that creates them.
 */
export async function createIndicatorIndex(
  db: Kysely<unknown>,
  backend: 'sqlite' | 'postgres',
): Promise<void> {
  await db.schema
    .createTable('ad_indicators')
    .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ad_indicators_pk', ['code', 'ad_id'])
    .execute();
  await db.schema.createIndex('ad_indicators_ad').on('ad_indicators').column('ad_id').execute();
  if (backend === 'sqlite') {
    const fill = (who: string) =>
      `INSERT OR IGNORE INTO ad_indicators(ad_id, code) SELECT ${who}.id, json_extract(j.value, '$.code') FROM json_each(${who}.analysis, '$.indicators') AS j WHERE json_extract(j.value, '$.code') IS NOT NULL`;
    await sql
      .raw(
        `CREATE TRIGGER ads_indicators_ai AFTER INSERT ON ads WHEN NEW.analysis IS NOT NULL BEGIN ${fill('NEW')}; END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ads_indicators_au AFTER UPDATE OF analysis ON ads BEGIN DELETE FROM ad_indicators WHERE ad_id = NEW.id; ${fill('NEW')}; END`,
      )
      .execute(db);
    await sql
      .raw(
        `INSERT OR IGNORE INTO ad_indicators(ad_id, code) SELECT a.id, json_extract(j.value, '$.code') FROM ads a, json_each(a.analysis, '$.indicators') AS j WHERE a.analysis IS NOT NULL AND json_extract(j.value, '$.code') IS NOT NULL`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(`CREATE FUNCTION ads_indicators_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN DELETE FROM ad_indicators WHERE ad_id = NEW.id; END IF;
  IF NEW.analysis IS NOT NULL THEN
    INSERT INTO ad_indicators(ad_id, code)
      SELECT DISTINCT NEW.id, e->>'code' FROM jsonb_array_elements(NEW.analysis::jsonb->'indicators') AS e WHERE e->>'code' IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$`)
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER ads_indicators_ai AFTER INSERT ON ads FOR EACH ROW EXECUTE FUNCTION ads_indicators_sync()',
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER ads_indicators_au AFTER UPDATE OF analysis ON ads FOR EACH ROW EXECUTE FUNCTION ads_indicators_sync()',
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO ad_indicators(ad_id, code) SELECT DISTINCT a.id, e->>'code' FROM ads a, jsonb_array_elements(a.analysis::jsonb->'indicators') AS e WHERE a.analysis IS NOT NULL AND e->>'code' IS NOT NULL ON CONFLICT DO NOTHING`,
    )
    .execute(db);
}
