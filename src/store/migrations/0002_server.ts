import type { Kysely } from 'kysely';
import { createIndicatorIndex } from '../server-indicator-index.ts';
import { type MigrationBackend, type VigieMigration, idColumn } from './context.ts';

/** Accounts, sessions, API keys, the hash-chained audit log, watchlists, alerts, cases, outreach, settings. */
export const server: VigieMigration = {
  async up(db: Kysely<unknown>, b: MigrationBackend) {
    const s = db.schema;
    await s
      .createTable('users')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await s.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await s
      .createTable('api_keys')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    await s
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('details', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    for (const col of ['at', 'action', 'actor_id']) {
      await s.createIndex(`audit_log_${col}`).on('audit_log').column(col).execute();
    }
    await s
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('watchlists')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('webhook_url', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('watchlists_value').on('watchlists').columns(['kind', 'value']).execute();
    await s
      .createTable('alerts')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('watchlist_id', 'integer', (c) =>
        c.notNull().references('watchlists.id').onDelete('cascade'),
      )
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text')
      .addUniqueConstraint('alerts_key', ['watchlist_id', 'ad_id'])
      .execute();
    await s
      .createTable('cases')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('case_items')
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('added_by', 'integer', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_items_pk', ['case_id', 'kind', 'ref'])
      .execute();
    await s.createIndex('case_items_ref').on('case_items').columns(['kind', 'ref']).execute();
    await s
      .createTable('case_notes')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('outreach_log')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('ad_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text')
      .addColumn('lang', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('outreach_log_ad').on('outreach_log').column('ad_id').execute();
    await s
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();
    // Triage lists filter on one of these and show newest first: the composite index serves both.
    for (const col of ['departement', 'source', 'category']) {
      await s.createIndex(`ads_${col}_first_seen`).on('ads').columns([col, 'first_seen']).execute();
    }
    // Newest first with the id tie-break as one index (PostgreSQL cannot use the rowid trick SQLite does).
    await s.createIndex('ads_first_seen_id').on('ads').columns(['first_seen', 'id']).execute();
    await createIndicatorIndex(db, b.name);
  },
};
