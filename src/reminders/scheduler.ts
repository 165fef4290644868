import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { DateTime, Duration } from 'luxon';
import type { Logger } from 'pino';
import { changeDate, coveredElsewhereSince } from '../answers/compose.js';
import type { SlackMessage } from '../blocks/limits.js';
import { buildReminderCard, buildReplacedReminderCard } from '../blocks/reminder-card.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { describeDate } from '../format/relative-time.js';
import { countReminders } from '../metrics.js';
import { MessageUpdates } from './message-updates.js';
import type { PostedMessage, Reminder, ReminderStore } from './reminder-store.js';
import { nextOccurrence } from './schedule.js';
import { type ReminderSender, SendError } from './sender.js';

/** An occurrence missed while no app ran is still sent up to this late; later, it is skipped. */
export const MAX_LATENESS = { hours: 2 } as const;
/** A claim this old with no outcome belongs to a process that died mid-send. */
const INTERRUPTED_AFTER = { minutes: 10 } as const;

export interface SchedulerOptions {
  reminders: ReminderStore;
  sender: ReminderSender;
  /** For telling a reminder's creator that it failed. */
  client: WebClient;
  kb: KnowledgeBase;
  logger: Logger;
  pollSeconds: number;
  now?: () => DateTime;
  /** Distinguishes replicas in the delivery log. */
  instanceId?: string;
  /** Reminders posted at once (each channel still gets one message a second). */
  concurrency?: number;
  /** Everyone in a workspace who confirmed opting out: the count on the card. */
  optOuts: { countOptOuts(teamId: string): Promise<number> };
  /** For waiting out a 429 on a message update; tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
}

export interface TickReport {
  sent: number;
  skipped: number;
  failed: number;
  /** Occurrences another replica (or an earlier run) had already claimed. */
  alreadyClaimed: number;
  interrupted: number;
}

/**
 * Sends due reminders. Each app runs one; several may share a PostgreSQL database. An occurrence
 * goes out once because it is claimed in the database (a primary key) before it is sent, never
 * by an in-memory flag.
 */
export class ReminderScheduler {
  readonly instanceId: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickReport> | null = null;
  private readonly now: () => DateTime;
  private readonly updates: MessageUpdates;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = (options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`).slice(0, 128);
    this.now = options.now ?? (() => DateTime.utc());
    this.updates = new MessageUpdates({
      client: options.client,
      logger: options.logger,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    });
  }

  start(): void {
    if (this.timer) return;
    const run = () => {
      // A slow tick (many reminders, rate limits) is never overlapped by the next one.
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => {
          this.options.logger.error({ err: error }, 'reminder check failed');
          return { sent: 0, skipped: 0, failed: 0, alreadyClaimed: 0, interrupted: 0 };
        })
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(run, this.options.pollSeconds * 1000);
    this.timer.unref();
    run();
  }

  /**
   * Stops polling and waits for messages being sent now (shrinking the one each replaces included).
   * Count updates belong to the click's listener, which the app waits for on shutdown.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One check: marks dead claims, then sends (or skips) every due occurrence. */
  async tick(): Promise<TickReport> {
    const now = this.now();
    const report: TickReport = { sent: 0, skipped: 0, failed: 0, alreadyClaimed: 0, interrupted: 0 };
    report.interrupted = await this.options.reminders.markInterrupted(now.minus(INTERRUPTED_AFTER), now);
    const due = await this.options.reminders.due(now);
    const queue = [...due];
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? 16, queue.length) }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        // One reminder's failure (a database blip) must not stop the others, nor end the check
        // while they are still being sent.
        try {
          report[await this.handleDue(r, now)]++;
        } catch (error) {
          report.failed++;
          this.options.logger.error({ err: error, reminder: r.id }, 'could not process a due reminder; it stays due for the next check');
        }
      }
    });
    await Promise.all(workers);
    countTick(report);
    if (due.length) this.options.logger.info({ ...report, instance: this.instanceId }, 'reminder check done');
    return report;
  }

  /** "Send now" from an admin: one extra message, outside the schedule, recorded like the others. */
  async sendNow(reminder: Reminder): Promise<'sent' | 'failed' | 'alreadyClaimed'> {
    const now = this.now();
    const occurrence = `manual:${now.toUTC().toISO()}`;
    // Two clicks in the same millisecond claim the same occurrence: only one posts.
    const claimed = await this.options.reminders.claim(
      reminder,
      occurrence,
      { instanceId: this.instanceId, next: null, status: 'sending', advance: false },
      now,
    );
    if (!claimed) return 'alreadyClaimed';
    const outcome = await this.deliver(reminder, occurrence);
    countReminders(outcome);
    return outcome;
  }

  private async handleDue(reminder: Reminder, now: DateTime): Promise<keyof Omit<TickReport, 'interrupted'>> {
    const { reminders } = this.options;
    const occurrence = reminder.nextRunAt as string;
    const scheduled = DateTime.fromISO(occurrence, { zone: 'utc' });
    if (now.diff(scheduled).toMillis() > Duration.fromObject(MAX_LATENESS).toMillis()) {
      // Too late to be useful: skip to the next occurrence after now, and say so in the log.
      const next = nextOccurrence(reminder.schedule, reminder.timezone, reminder.until, now);
      const missed = countOccurrences(reminder, scheduled, now);
      const detail =
        missed > 1
          ? `${missed} occurrences missed from ${occurrence} (no app was running); the first was ${Math.round(now.diff(scheduled, 'minutes').minutes)} minutes late; all skipped`
          : `missed by ${Math.round(now.diff(scheduled, 'minutes').minutes)} minutes (no app was running); skipped`;
      const claimed = await reminders.claim(reminder, occurrence, { instanceId: this.instanceId, next, status: 'skipped', detail }, now);
      if (claimed) this.options.logger.warn({ reminder: reminder.id, occurrence }, detail);
      return claimed ? 'skipped' : 'alreadyClaimed';
    }
    const next = nextOccurrence(reminder.schedule, reminder.timezone, reminder.until, scheduled);
    const claimed = await reminders.claim(reminder, occurrence, { instanceId: this.instanceId, next, status: 'sending' }, now);
    if (!claimed) return 'alreadyClaimed';
    return this.deliver(reminder, occurrence);
  }

  private async deliver(reminder: Reminder, occurrence: string): Promise<'sent' | 'failed'> {
    const { reminders, logger } = this.options;
    // @here only on the reminder's first post: a series that pings every time teaches people to mute the channel.
    const mentionHere = reminder.mentionHere && (await reminders.get(reminder.id))?.lastMessage === null;
    const card = this.card({ id: reminder.id, mentionHere }, await this.options.optOuts.countOptOuts(reminder.teamId));
    let ts: string;
    try {
      ts = await this.options.sender.post(reminder.channelId, card);
    } catch (error) {
      const detail = error instanceof SendError ? error.message : `unexpected error: ${(error as Error).message}`;
      await reminders.finish(reminder.id, occurrence, { status: 'failed', detail }, this.now());
      if (error instanceof SendError && !error.permanent) {
        // Slack was down or busy for longer than the retries: this occurrence is lost (and
        // recorded), the schedule goes on.
        logger.error({ reminder: reminder.id, channel: reminder.channelId, error: detail }, 'reminder occurrence not sent after retries');
        await reminders.noteError(reminder.id, detail, this.now());
      } else {
        logger.error({ reminder: reminder.id, channel: reminder.channelId, error: detail }, 'reminder failed');
        await reminders.markFailed(reminder.id, detail, this.now());
        await this.tellCreator(reminder, detail);
      }
      return 'failed';
    }
    let previous: PostedMessage | null = null;
    try {
      previous = await reminders.finish(reminder.id, occurrence, { status: 'sent', messageTs: ts, mentionedHere: mentionHere }, this.now());
    } catch (error) {
      // The message is out; only its record is missing. The claim already keeps it from going out twice.
      logger.error({ err: error, reminder: reminder.id, ts }, 'reminder sent but its delivery could not be recorded');
    }
    if (previous) await this.retire(previous, { channelId: reminder.channelId, messageTs: ts });
    return 'sent';
  }

  /** Shrinks the message a newer one replaced to a line linking to it: one live card per reminder. Failures are logged. */
  private async retire(old: PostedMessage, latest: PostedMessage): Promise<void> {
    let url: string | null = null;
    try {
      const res = await this.options.client.chat.getPermalink({ channel: latest.channelId, message_ts: latest.messageTs });
      url = res.permalink ?? null;
    } catch (error) {
      this.options.logger.warn({ err: error, channel: latest.channelId }, 'no link to the newer reminder; the replaced one says so without it');
    }
    const card = buildReplacedReminderCard(url);
    await this.updates.request(old.channelId, old.messageTs, async () => card);
  }

  /**
   * Brings the opt-out count on a posted reminder up to date; resolves once the message shows it.
   * Bursts of clicks and 429s are coalesced into as few updates as they allow, the last one always
   * with the count read at that moment (see MessageUpdates).
   */
  showOptOuts(message: PostedMessage, reminderId: string, teamId: string): Promise<void> {
    return this.updates.request(message.channelId, message.messageTs, () => this.currentCard(message, reminderId, teamId));
  }

  /** The card a reminder message should show now; null when a newer message has replaced it (it stays one line). */
  private async currentCard(message: PostedMessage, reminderId: string, teamId: string): Promise<SlackMessage | null> {
    const { reminders, optOuts } = this.options;
    // A deleted reminder's messages still count.
    const reminder = await reminders.get(reminderId);
    const latest = reminder?.lastMessage;
    if (latest && (latest.channelId !== message.channelId || latest.messageTs !== message.messageTs)) return null;
    const mentionHere = await reminders.mentionedHere(reminderId, message.channelId, message.messageTs);
    return this.card({ id: reminderId, mentionHere }, await optOuts.countOptOuts(reminder?.teamId ?? teamId));
  }

  /** The reminder card as it stands, `optedOut` people counted; `mentionHere` when this message pings. */
  card(message: { id: string; mentionHere: boolean }, optedOut: number): SlackMessage {
    // The latest change in the knowledge base is the one to remind people of.
    const { kb } = this.options;
    const latest = changeDate(kb);
    const newRegions = [...kb.regions.values()].filter((r) => r.trainingSince === latest).map((r) => r.shortName);
    return buildReminderCard({
      reminderId: message.id,
      newRegions,
      since: describeDate(latest, this.now()),
      elsewhereSince: coveredElsewhereSince(kb),
      optOutSteps: kb.topic(kb.surfaces.roles.optOut).steps ?? [],
      settingUrl: kb.surfaces.settingUrl,
      optedOut,
      mentionHere: message.mentionHere,
    });
  }

  private async tellCreator(reminder: Reminder, detail: string): Promise<void> {
    try {
      await this.options.client.chat.postMessage({
        channel: reminder.createdBy,
        text: `⚠️ Your LinkedIn AI reminder ${reminder.id} for <#${reminder.channelId}> has stopped: ${detail}. Fix the cause, then resume it with \`/linkedin-ai reminders\`.`,
      });
    } catch (error) {
      this.options.logger.warn({ err: error, reminder: reminder.id }, 'could not tell the creator that a reminder failed');
    }
  }
}

/** Occurrences from `from` (included) up to `to`, counted to record how many an outage skipped (at most 1000). */
function countOccurrences(reminder: Reminder, from: DateTime, to: DateTime): number {
  let count = 0;
  for (let at: DateTime | null = from; at && at <= to && count < 1000; at = nextOccurrence(reminder.schedule, reminder.timezone, reminder.until, at))
    count++;
  return count;
}

/** A check's outcomes for /metrics; "lost" are the claims marked interrupted: claimed, never sent. */
function countTick(report: TickReport): void {
  countReminders('sent', report.sent);
  countReminders('failed', report.failed);
  countReminders('skipped', report.skipped);
  countReminders('lost', report.interrupted);
}
