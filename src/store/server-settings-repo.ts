import type { DbOrTx } from './database.ts';

/** A setting's value (JSON), or undefined when unset. */
export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | undefined> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r ? (JSON.parse(r.value) as T) : undefined;
}

export async function writeSetting(
  db: DbOrTx,
  key: string,
  value: unknown,
  by: number | null,
  now = new Date(),
): Promise<void> {
  const row = { key, value: JSON.stringify(value), updated_at: now.toISOString(), updated_by: by };
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: by }),
    )
    .execute();
}

export async function allSettings(db: DbOrTx): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}
