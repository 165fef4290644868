import { DateTime } from 'luxon';
import { type Db, type Dialect, toStoredTime as iso, openDatabase } from './database.js';
import { migrate } from './migrations.js';

/** Questions the app could not answer are kept this long, then deleted (the Home tab says so). */
export const UNANSWERED_RETENTION_DAYS = 30;
/** Enough for anyone honestly exploring; a flood from one person stops being stored. */
export const UNANSWERED_PER_PERSON_PER_DAY = 20;
/** Slack retries an event for at most about five minutes; a day of event ids is ample. */
const EVENT_ID_RETENTION_HOURS = 24;

export interface TopicFeedback {
  topic: string;
  up: number;
  down: number;
  /** How often each reason was given for 👎 ("wrong", "out-of-date"…). */
  reasons: Record<string, number>;
}

export interface UnansweredQuestion {
  question: string;
  kind: string;
  createdAt: string;
  userId: string;
}

/** Everything the app keeps, in SQLite or PostgreSQL through one typed query builder (Kysely). */
export class Store {
  private constructor(
    readonly db: Db,
    readonly dialect: Dialect,
  ) {}

  /** Opens the database and applies any pending migrations. */
  static async open(url: string, onIdleError?: (error: Error) => void): Promise<Store> {
    const { db, dialect } = openDatabase(url, onIdleError);
    await migrate(db as never, dialect);
    return new Store(db, dialect);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /**
   * Claims an event for this process: true the first time an event id is seen, false for every
   * retry, also when several replicas share the database (the primary key decides, atomically).
   */
  async claimEvent(eventId: string, now: DateTime = DateTime.utc()): Promise<boolean> {
    const result = await this.db
      .insertInto('processed_events')
      .values({ event_id: eventId, received_at: iso(now) })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async recordFeedback(
    f: { teamId: string; userId: string; topic: string; region: string | null; vote: 'up' | 'down' },
    now: DateTime = DateTime.utc(),
  ): Promise<void> {
    await this.db
      .insertInto('feedback')
      .values({ team_id: f.teamId, user_id: f.userId, topic: f.topic, region: f.region, vote: f.vote, reason: null, created_at: iso(now) })
      .execute();
  }

  /**
   * Why an answer did not help: added to the person's latest 👎 on that topic that has no reason yet
   * (the menu follows the 👎), or recorded as a 👎 of its own ("Report a problem" comes without one).
   */
  async recordFeedbackReason(
    f: { teamId: string; userId: string; topic: string; region: string | null; reason: string },
    now: DateTime = DateTime.utc(),
  ): Promise<void> {
    const latest = this.db
      .selectFrom('feedback')
      .select('id')
      .where('team_id', '=', f.teamId)
      .where('user_id', '=', f.userId)
      .where('topic', '=', f.topic)
      .where('vote', '=', 'down')
      .where('reason', 'is', null)
      .where('created_at', '>=', iso(now.minus({ hours: 1 })))
      .orderBy('id', 'desc')
      .limit(1);
    const updated = await this.db.updateTable('feedback').set({ reason: f.reason }).where('id', '=', latest).executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    await this.db
      .insertInto('feedback')
      .values({ team_id: f.teamId, user_id: f.userId, topic: f.topic, region: f.region, vote: 'down', reason: f.reason, created_at: iso(now) })
      .execute();
  }

  async feedbackByTopic(teamId: string): Promise<TopicFeedback[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .select(['topic', 'vote', 'reason', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('team_id', '=', teamId)
      .groupBy(['topic', 'vote', 'reason'])
      .execute();
    const byTopic = new Map<string, TopicFeedback>();
    for (const row of rows) {
      const entry = byTopic.get(row.topic) ?? { topic: row.topic, up: 0, down: 0, reasons: {} };
      entry[row.vote] += Number(row.n);
      if (row.reason) entry.reasons[row.reason] = (entry.reasons[row.reason] ?? 0) + Number(row.n);
      byTopic.set(row.topic, entry);
    }
    return [...byTopic.values()].sort((a, b) => b.up + b.down - (a.up + a.down) || a.topic.localeCompare(b.topic));
  }

  /** Records that a person has opted out; true only the first time (each person counts once). */
  async confirmOptOut(teamId: string, userId: string, now: DateTime = DateTime.utc()): Promise<boolean> {
    const result = await this.db
      .insertInto('opt_out_confirmations')
      .values({ team_id: teamId, user_id: userId, confirmed_at: iso(now) })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async optOutConfirmedAt(teamId: string, userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('opt_out_confirmations')
      .select('confirmed_at')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.confirmed_at ?? null;
  }

  async countOptOuts(teamId: string): Promise<number> {
    const row = await this.db
      .selectFrom('opt_out_confirmations')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('team_id', '=', teamId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Keeps an unanswered question, at most `UNANSWERED_PER_PERSON_PER_DAY` a person a day: anyone can send many. */
  async recordUnanswered(q: { teamId: string; userId: string; question: string; kind: string }, now: DateTime = DateTime.utc()): Promise<void> {
    const recent = await this.db
      .selectFrom('unanswered_questions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('team_id', '=', q.teamId)
      .where('user_id', '=', q.userId)
      .where('created_at', '>=', iso(now.minus({ days: 1 })))
      .executeTakeFirst();
    if (Number(recent?.n ?? 0) >= UNANSWERED_PER_PERSON_PER_DAY) return;
    await this.db
      .insertInto('unanswered_questions')
      .values({ team_id: q.teamId, user_id: q.userId, question: q.question.slice(0, 500), kind: q.kind, created_at: iso(now) })
      .execute();
  }

  async recentUnanswered(teamId: string, limit: number, now: DateTime = DateTime.utc()): Promise<UnansweredQuestion[]> {
    const rows = await this.db
      .selectFrom('unanswered_questions')
      .select(['question', 'kind', 'created_at', 'user_id'])
      .where('team_id', '=', teamId)
      .where('created_at', '>=', iso(now.minus({ days: UNANSWERED_RETENTION_DAYS })))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ question: r.question, kind: r.kind, createdAt: r.created_at, userId: r.user_id }));
  }

  /** Deletes what is past its retention: unanswered questions after 30 days, event ids after a day. */
  async purgeExpired(now: DateTime = DateTime.utc()): Promise<{ questions: number; events: number }> {
    const q = await this.db
      .deleteFrom('unanswered_questions')
      .where('created_at', '<', iso(now.minus({ days: UNANSWERED_RETENTION_DAYS })))
      .executeTakeFirst();
    const e = await this.db
      .deleteFrom('processed_events')
      .where('received_at', '<', iso(now.minus({ hours: EVENT_ID_RETENTION_HOURS })))
      .executeTakeFirst();
    return { questions: Number(q.numDeletedRows), events: Number(e.numDeletedRows) };
  }
}
