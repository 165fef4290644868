import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { DATABASES, type TestDatabase } from '../support/databases.js';

describe.each(DATABASES)('migration 004 (reminder messages) on %s', (_, create) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('takes each reminder’s latest sent message as its live card, and marks the messages of @here reminders as pinged', async () => {
    database = await create();
    const opened = openDatabase(database.url);
    db = opened.db;
    // Rows as the app wrote them before 004.
    await migrate(db as never, opened.dialect, '003_channel_slots');
    const reminder = (id: string, mentionHere: number) => ({
      id,
      team_id: 'T1',
      channel_id: 'C1',
      created_by: 'U1',
      schedule: '{"kind":"daily","time":"09:00"}',
      timezone: 'UTC',
      until_date: null,
      starts_at: null,
      mention_here: mentionHere,
      status: 'active' as const,
      next_run_at: '2026-12-01T09:00:00.000Z',
      last_run_at: null,
      last_error: null,
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
    });
    await db
      .insertInto('reminders')
      .values([reminder('rhere', 1), reminder('rquiet', 0), reminder('rnever', 1)])
      .execute();
    const delivery = (reminderId: string, occurrence: string, status: 'sent' | 'failed', ts: string | null) => ({
      reminder_id: reminderId,
      occurrence,
      status,
      instance_id: 'old',
      claimed_at: occurrence,
      finished_at: occurrence,
      channel_id: 'C1',
      message_ts: ts,
      detail: null,
    });
    await db
      .insertInto('reminder_deliveries')
      .values([
        delivery('rhere', '2026-11-28T09:00:00.000Z', 'sent', '1.000001'),
        delivery('rhere', '2026-11-29T09:00:00.000Z', 'sent', '1.000002'),
        delivery('rhere', '2026-11-30T09:00:00.000Z', 'failed', null),
        delivery('rquiet', '2026-11-29T09:00:00.000Z', 'sent', '2.000001'),
      ])
      .execute();

    await migrate(db as never, opened.dialect);

    const reminders = await db.selectFrom('reminders').select(['id', 'last_channel_id', 'last_message_ts']).orderBy('id').execute();
    expect(reminders).toEqual([
      { id: 'rhere', last_channel_id: 'C1', last_message_ts: '1.000002' },
      { id: 'rnever', last_channel_id: null, last_message_ts: null },
      { id: 'rquiet', last_channel_id: 'C1', last_message_ts: '2.000001' },
    ]);
    const pinged = await db
      .selectFrom('reminder_deliveries')
      .select(['reminder_id', 'occurrence', 'mention_here'])
      .orderBy('reminder_id')
      .orderBy('occurrence')
      .execute();
    expect(pinged.map((d) => [d.reminder_id, Number(d.mention_here)])).toEqual([
      ['rhere', 1],
      ['rhere', 1],
      ['rhere', 1],
      ['rquiet', 0],
    ]);
  });
});
