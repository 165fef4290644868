import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { isLanguage, type Language } from '../knowledge/languages.js';
import { type Db, toStoredTime as iso, type Tables } from '../store/database.js';
import { nextOccurrence, type Schedule } from './schedule.js';
import type { ChannelSlots } from './sender.js';

export type ReminderStatus = 'active' | 'paused' | 'failed' | 'done';

export interface Reminder {
  id: string;
  teamId: string;
  channelId: string;
  createdBy: string;
  schedule: Schedule;
  timezone: string;
  until: string | null;
  /** No occurrence before this (ISO UTC), or null. */
  startsAt: string | null;
  mentionHere: boolean;
  /** The language its admin chose for the card; null: the workspace's (organisation.yml), else English. */
  language: Language | null;
  status: ReminderStatus;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  createdAt: string;
  /** Its latest message, the one live card; null before the first post (which is the one @here pings). */
  lastMessage: PostedMessage | null;
}

export interface PostedMessage {
  channelId: string;
  messageTs: string;
}

export type NewReminder = Pick<Reminder, 'teamId' | 'channelId' | 'createdBy' | 'schedule' | 'timezone' | 'until' | 'mentionHere'> & {
  language?: Language | null;
  /** The first occurrence is not before this (the CLI's --at); default now. */
  notBefore?: DateTime;
};

export interface Delivery {
  reminderId: string;
  occurrence: string;
  claimedAt: string;
  status: 'sending' | 'sent' | 'skipped' | 'failed' | 'interrupted';
  instanceId: string;
  channelId: string;
  messageTs: string | null;
  detail: string | null;
}

export class ReminderError extends Error {
  override name = 'ReminderError';

  /** `message` is English (the server's CLI); Slack says it in the admin's language: the message `reminders.error.<problem>` with `values`. */
  constructor(
    message: string,
    readonly problem?: 'noTimeLeft' | 'notFound',
    readonly values: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Reminders, their deliveries and the acknowledgements on them, in the app's database. */
export class ReminderStore implements ChannelSlots {
  constructor(private readonly db: Db) {}

  async create(input: NewReminder, now: DateTime = DateTime.utc()): Promise<Reminder> {
    const from = input.notBefore && input.notBefore > now ? input.notBefore.minus({ milliseconds: 1 }) : now;
    const next = nextOccurrence(input.schedule, input.timezone, input.until, from);
    if (!next) throw new ReminderError('That schedule has no time left to run: the date or the "until" day is already past.', 'noTimeLeft');
    const id = `r${randomBytes(5).toString('hex')}`;
    await this.db
      .insertInto('reminders')
      .values({
        id,
        team_id: input.teamId,
        channel_id: input.channelId,
        created_by: input.createdBy,
        schedule: JSON.stringify(input.schedule),
        timezone: input.timezone,
        until_date: input.until,
        starts_at: input.notBefore ? iso(input.notBefore) : null,
        mention_here: input.mentionHere ? 1 : 0,
        language: input.language ?? null,
        status: 'active',
        next_run_at: iso(next),
        last_run_at: null,
        last_error: null,
        created_at: iso(now),
        updated_at: iso(now),
        last_channel_id: null,
        last_message_ts: null,
      })
      .execute();
    return (await this.get(id)) as Reminder;
  }

  async get(id: string): Promise<Reminder | null> {
    const row = await this.db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReminder(row) : null;
  }

  async list(teamId?: string): Promise<Reminder[]> {
    let q = this.db.selectFrom('reminders').selectAll().orderBy('created_at').orderBy('id');
    if (teamId) q = q.where('team_id', '=', teamId);
    return (await q.execute()).map(toReminder);
  }

  async pause(id: string, now: DateTime = DateTime.utc()): Promise<Reminder> {
    return this.setStatus(id, 'paused', now);
  }

  /** Active again from now on: the next occurrence is counted from now, so nothing missed is sent. */
  async resume(id: string, now: DateTime = DateTime.utc()): Promise<Reminder> {
    const r = await this.require(id);
    const startsAt = r.startsAt ? DateTime.fromISO(r.startsAt, { zone: 'utc' }).minus({ milliseconds: 1 }) : null;
    const next = nextOccurrence(r.schedule, r.timezone, r.until, startsAt && startsAt > now ? startsAt : now);
    await this.db
      .updateTable('reminders')
      .set({ status: next ? 'active' : 'done', next_run_at: next ? iso(next) : null, last_error: null, updated_at: iso(now) })
      .where('id', '=', id)
      .execute();
    return this.require(id);
  }

  async remove(id: string): Promise<void> {
    await this.require(id);
    await this.db.deleteFrom('reminders').where('id', '=', id).execute();
  }

  /** Records an error on a reminder that stays active (an occurrence lost to a Slack outage). */
  async noteError(id: string, error: string, now: DateTime = DateTime.utc()): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({ last_error: error.slice(0, 500), updated_at: iso(now) })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: string, error: string, now: DateTime = DateTime.utc()): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({ status: 'failed', last_error: error.slice(0, 500), updated_at: iso(now) })
      .where('id', '=', id)
      .execute();
  }

  /** Active reminders whose next occurrence is due, earliest first. */
  async due(now: DateTime, limit = 1000): Promise<Reminder[]> {
    const rows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('status', '=', 'active')
      .where('next_run_at', '<=', iso(now))
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
    return rows.map(toReminder);
  }

  /**
   * Claims one occurrence for this instance, atomically: the delivery row's primary key lets only
   * one replica in, and the reminder moves on to `next` in the same transaction. False when another
   * replica (or an earlier run) has it already.
   */
  async claim(
    reminder: Reminder,
    occurrence: string,
    claim: { instanceId: string; next: DateTime | null; status: 'sending' | 'skipped'; detail?: string; advance?: boolean },
    now: DateTime = DateTime.utc(),
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      if (claim.advance !== false) {
        // Only an active reminder still waiting for this occurrence moves on: a paused or deleted
        // one, or one another replica has moved on already, is left alone and not sent.
        const moved = await tx
          .updateTable('reminders')
          .set({
            next_run_at: claim.next ? iso(claim.next) : null,
            status: claim.next ? 'active' : 'done',
            last_run_at: claim.status === 'sending' ? occurrence : reminder.lastRunAt,
            updated_at: iso(now),
          })
          .where('id', '=', reminder.id)
          .where('status', '=', 'active')
          .where('next_run_at', '=', occurrence)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) return false;
      } else {
        const exists = await tx.selectFrom('reminders').select('id').where('id', '=', reminder.id).executeTakeFirst();
        if (!exists) return false;
      }
      const inserted = await tx
        .insertInto('reminder_deliveries')
        .values({
          reminder_id: reminder.id,
          occurrence,
          status: claim.status,
          instance_id: claim.instanceId.slice(0, 128),
          claimed_at: iso(now),
          finished_at: claim.status === 'skipped' ? iso(now) : null,
          channel_id: reminder.channelId,
          message_ts: null,
          detail: claim.detail ?? null,
        })
        .onConflict((oc) => oc.columns(['reminder_id', 'occurrence']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    });
  }

  /**
   * Undoes this instance's claim of an occurrence whose message was not posted (the app is
   * stopping), so another replica or the next start sends it: the 'sending' row goes, and the
   * reminder waits for the occurrence again unless it has moved on since. False if the claim was
   * no longer there.
   */
  async release(
    reminder: Reminder,
    occurrence: string,
    claim: { instanceId: string; next: DateTime | null; advance?: boolean },
    now: DateTime = DateTime.utc(),
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const deleted = await tx
        .deleteFrom('reminder_deliveries')
        .where('reminder_id', '=', reminder.id)
        .where('occurrence', '=', occurrence)
        .where('status', '=', 'sending')
        .where('instance_id', '=', claim.instanceId.slice(0, 128))
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return false;
      if (claim.advance === false) return true;
      await tx
        .updateTable('reminders')
        .set({
          next_run_at: occurrence,
          // A one-off the claim marked done is due again; a pause since the claim stays.
          status: sql<ReminderStatus>`case when status = 'done' then 'active' else status end`,
          last_run_at: reminder.lastRunAt,
          updated_at: iso(now),
        })
        .where('id', '=', reminder.id)
        .where('next_run_at', claim.next ? '=' : 'is', claim.next ? iso(claim.next) : null)
        .execute();
      return true;
    });
  }

  /**
   * Records how an occurrence ended. A message that went out becomes the reminder's latest; the one
   * it replaces is returned (null if none), for the caller to shrink.
   */
  async finish(
    reminderId: string,
    occurrence: string,
    outcome: { status: 'sent'; messageTs: string; mentionedHere?: boolean } | { status: 'failed'; detail: string },
    now: DateTime = DateTime.utc(),
  ): Promise<PostedMessage | null> {
    return this.db.transaction().execute(async (tx) => {
      const delivery = await tx
        .updateTable('reminder_deliveries')
        .set({
          status: outcome.status,
          finished_at: iso(now),
          message_ts: outcome.status === 'sent' ? outcome.messageTs : null,
          detail: outcome.status === 'failed' ? outcome.detail.slice(0, 500) : null,
          mention_here: outcome.status === 'sent' && outcome.mentionedHere ? 1 : 0,
        })
        .where('reminder_id', '=', reminderId)
        .where('occurrence', '=', occurrence)
        .returning('channel_id')
        .executeTakeFirst();
      if (outcome.status !== 'sent' || !delivery) return null;
      // Writing the row first locks it (PostgreSQL) or the database (SQLite), so two posts finishing
      // at once each see the other's message as the one they replace, never the same one.
      await tx
        .updateTable('reminders')
        .set({ updated_at: iso(now) })
        .where('id', '=', reminderId)
        .execute();
      const before = await tx.selectFrom('reminders').select(['last_channel_id', 'last_message_ts']).where('id', '=', reminderId).executeTakeFirst();
      await tx
        .updateTable('reminders')
        .set({ last_channel_id: delivery.channel_id, last_message_ts: outcome.messageTs })
        .where('id', '=', reminderId)
        .execute();
      return before?.last_channel_id && before.last_message_ts ? { channelId: before.last_channel_id, messageTs: before.last_message_ts } : null;
    });
  }

  /** Whether this message of the reminder started with @here, so an update keeps it as posted. */
  async mentionedHere(reminderId: string, channelId: string, messageTs: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('reminder_deliveries')
      .select('mention_here')
      .where('reminder_id', '=', reminderId)
      .where('channel_id', '=', channelId)
      .where('message_ts', '=', messageTs)
      .executeTakeFirst();
    return Number(row?.mention_here ?? 0) === 1;
  }

  /**
   * Deliveries claimed but never finished (the process died between claim and send) are marked
   * interrupted, never sent again: a second copy is worse than a missing one, as Slack may have
   * received the first.
   */
  async markInterrupted(olderThan: DateTime, now: DateTime = DateTime.utc()): Promise<number> {
    const result = await this.db
      .updateTable('reminder_deliveries')
      .set({ status: 'interrupted', finished_at: iso(now), detail: 'the app stopped between claiming and sending; not sent again' })
      .where('status', '=', 'sending')
      .where('claimed_at', '<', iso(olderThan))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deliveries(reminderId?: string): Promise<Delivery[]> {
    // In the order they were claimed: "manual:…" occurrences ("send now") sort apart from the ISO ones.
    let q = this.db.selectFrom('reminder_deliveries').selectAll().orderBy('claimed_at').orderBy('occurrence');
    if (reminderId) q = q.where('reminder_id', '=', reminderId);
    return (await q.execute()).map((r) => ({
      reminderId: r.reminder_id,
      occurrence: r.occurrence,
      claimedAt: r.claimed_at,
      status: r.status,
      instanceId: r.instance_id,
      channelId: r.channel_id,
      messageTs: r.message_ts,
      detail: r.detail,
    }));
  }

  /**
   * Forgets deliveries and acknowledgements older than `days` (finished ones only: an unfinished
   * claim must stay to keep its occurrence from being sent again).
   */
  async purgeOlderThan(days: number, now: DateTime = DateTime.utc()): Promise<{ deliveries: number; acknowledgements: number }> {
    const cutoff = iso(now.minus({ days }));
    const d = await this.db.deleteFrom('reminder_deliveries').where('claimed_at', '<', cutoff).where('status', '!=', 'sending').executeTakeFirst();
    const a = await this.db.deleteFrom('reminder_acks').where('acked_at', '<', cutoff).executeTakeFirst();
    return { deliveries: Number(d.numDeletedRows), acknowledgements: Number(a.numDeletedRows) };
  }

  /** Records that a person clicked "I've opted out" on a reminder message; true the first time. */
  async acknowledge(channelId: string, messageTs: string, userId: string, now: DateTime = DateTime.utc()): Promise<boolean> {
    const r = await this.db
      .insertInto('reminder_acks')
      .values({ channel_id: channelId, message_ts: messageTs, user_id: userId, acked_at: iso(now) })
      .onConflict((oc) => oc.columns(['channel_id', 'message_ts', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async countAcknowledgements(channelId: string, messageTs: string): Promise<number> {
    const row = await this.db
      .selectFrom('reminder_acks')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('channel_id', '=', channelId)
      .where('message_ts', '=', messageTs)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Reserves the channel's next sending slot, shared by every replica: at or after `notBefore`,
   * and `gapMs` after the slot reserved before it. Returns the slot's time (epoch ms).
   */
  async reserve(channelId: string, gapMs: number, notBefore: number): Promise<number> {
    const row = await this.db
      .insertInto('channel_slots')
      .values({ channel_id: channelId, next_at_ms: notBefore + gapMs })
      .onConflict((oc) =>
        oc.column('channel_id').doUpdateSet({
          next_at_ms: sql<number>`(case when channel_slots.next_at_ms > ${notBefore} then channel_slots.next_at_ms else ${notBefore} end) + ${gapMs}`,
        }),
      )
      .returning('next_at_ms')
      .executeTakeFirstOrThrow();
    return Number(row.next_at_ms) - gapMs;
  }

  private async setStatus(id: string, status: ReminderStatus, now: DateTime): Promise<Reminder> {
    await this.require(id);
    await this.db
      .updateTable('reminders')
      .set({ status, updated_at: iso(now) })
      .where('id', '=', id)
      .execute();
    return this.require(id);
  }

  private async require(id: string): Promise<Reminder> {
    const r = await this.get(id);
    if (!r) throw new ReminderError(`There is no reminder ${id}.`, 'notFound', { id });
    return r;
  }
}

function toReminder(row: Selectable<Tables['reminders']>): Reminder {
  return {
    id: row.id,
    teamId: row.team_id,
    channelId: row.channel_id,
    createdBy: row.created_by,
    schedule: JSON.parse(row.schedule) as Schedule,
    timezone: row.timezone,
    until: row.until_date,
    startsAt: row.starts_at,
    mentionHere: Number(row.mention_here) === 1,
    language: isLanguage(row.language) ? row.language : null,
    status: row.status,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    lastMessage: row.last_channel_id && row.last_message_ts ? { channelId: row.last_channel_id, messageTs: row.last_message_ts } : null,
  };
}
