import { type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './database.js';

/** Migrations in code, so they ship inside the app and run at start-up. Never edit one that has run: add another. */
function migrations(dialect: Dialect): Record<string, Migration> {
  // An auto-numbered key is spelt differently in each database.
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('processed_events')
          .addColumn('event_id', 'varchar(128)', (c) => c.primaryKey())
          .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('processed_events_received_at').on('processed_events').column('received_at').execute();
        await db.schema
          .createTable('feedback')
          .addColumn('id', idType, id)
          .addColumn('team_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('topic', 'varchar(80)', (c) => c.notNull())
          .addColumn('region', 'varchar(32)')
          .addColumn('vote', 'varchar(8)', (c) => c.notNull())
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('opt_out_confirmations')
          .addColumn('team_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('confirmed_at', 'varchar(32)', (c) => c.notNull())
          .addPrimaryKeyConstraint('opt_out_confirmations_pk', ['team_id', 'user_id'])
          .execute();
        await db.schema
          .createTable('unanswered_questions')
          .addColumn('id', idType, id)
          .addColumn('team_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('kind', 'varchar(16)', (c) => c.notNull())
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('unanswered_questions_created_at').on('unanswered_questions').columns(['team_id', 'created_at']).execute();
      },
    },
    '002_reminders': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('reminders')
          .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
          .addColumn('team_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('channel_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('created_by', 'varchar(32)', (c) => c.notNull())
          .addColumn('schedule', 'text', (c) => c.notNull())
          .addColumn('timezone', 'varchar(64)', (c) => c.notNull())
          .addColumn('until_date', 'varchar(10)')
          .addColumn('starts_at', 'varchar(32)')
          .addColumn('mention_here', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('status', 'varchar(16)', (c) => c.notNull())
          .addColumn('next_run_at', 'varchar(32)')
          .addColumn('last_run_at', 'varchar(32)')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reminders_due').on('reminders').columns(['status', 'next_run_at']).execute();
        // One row per occurrence: its primary key is what makes each occurrence go out once.
        await db.schema
          .createTable('reminder_deliveries')
          .addColumn('reminder_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('occurrence', 'varchar(48)', (c) => c.notNull())
          .addColumn('status', 'varchar(16)', (c) => c.notNull())
          .addColumn('instance_id', 'varchar(128)', (c) => c.notNull())
          .addColumn('claimed_at', 'varchar(32)', (c) => c.notNull())
          .addColumn('finished_at', 'varchar(32)')
          .addColumn('channel_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('message_ts', 'varchar(32)')
          .addColumn('detail', 'text')
          .addPrimaryKeyConstraint('reminder_deliveries_pk', ['reminder_id', 'occurrence'])
          .execute();
        // Every check looks for claims left unfinished; this keeps that cheap as deliveries pile up.
        await db.schema.createIndex('reminder_deliveries_unfinished').on('reminder_deliveries').columns(['status', 'claimed_at']).execute();
        await db.schema
          .createTable('reminder_acks')
          .addColumn('channel_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('message_ts', 'varchar(32)', (c) => c.notNull())
          .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
          .addColumn('acked_at', 'varchar(32)', (c) => c.notNull())
          .addPrimaryKeyConstraint('reminder_acks_pk', ['channel_id', 'message_ts', 'user_id'])
          .execute();
      },
    },
    '003_channel_slots': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('channel_slots')
          .addColumn('channel_id', 'varchar(32)', (c) => c.primaryKey())
          .addColumn('next_at_ms', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
    '004_reminder_messages': {
      async up(db: Kysely<unknown>) {
        // The reminder's latest message, so the next occurrence can shrink it (one live card per reminder),
        // and whether @here has been used (only the first post pings). Kept on the reminder: deliveries are purged.
        await db.schema.alterTable('reminders').addColumn('last_channel_id', 'varchar(32)').execute();
        await db.schema.alterTable('reminders').addColumn('last_message_ts', 'varchar(32)').execute();
        // Whether that message pinged, so an update of its count keeps it as posted.
        await db.schema
          .alterTable('reminder_deliveries')
          .addColumn('mention_here', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // Messages posted before this migration: the latest one is live, and every one of a reminder with @here pinged.
        const latest = (column: string) =>
          sql.raw(
            `(select d.${column} from reminder_deliveries d where d.reminder_id = reminders.id and d.status = 'sent' and d.message_ts is not null order by d.claimed_at desc limit 1)`,
          );
        await sql`update reminders set last_channel_id = ${latest('channel_id')}, last_message_ts = ${latest('message_ts')}`.execute(db);
        await sql`update reminder_deliveries set mention_here = 1 where reminder_id in (select id from reminders where mention_here = 1)`.execute(db);
      },
    },
    '005_feedback_reason': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('feedback').addColumn('reason', 'varchar(16)').execute();
      },
    },
    '006_reminder_language': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('reminders').addColumn('language', 'varchar(8)').execute();
      },
    },
  };
}

/**
 * Brings the schema up to date (or up to `target`, so a test can write rows as an older version
 * did); safe to run from several replicas at once (Kysely takes a lock).
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect, target?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await (target ? migrator.migrateTo(target) : migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No migration ran: the database could not be reached at all, which the caller explains.
    if (!failed) throw error;
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
