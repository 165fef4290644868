import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { DateTime, Duration } from 'luxon';
import type { Logger } from 'pino';
import { changeDate, coveredElsewhereSince } from '../answers/compose.js';
import { buildReminderCard } from '../blocks/reminder-card.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { describeDate } from '../format/relative-time.js';
import type { Reminder, ReminderStore } from './reminder-store.js';
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

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = (options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`).slice(0, 128);
    this.now = options.now ?? (() => DateTime.utc());
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

  /** Stops polling and waits for messages being sent now. */
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
    return claimed ? this.deliver(reminder, occurrence) : 'alreadyClaimed';
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
    let ts: string;
    try {
      ts = await this.options.sender.post(reminder.channelId, this.card(reminder, 0));
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
    try {
      await reminders.finish(reminder.id, occurrence, { status: 'sent', messageTs: ts }, this.now());
    } catch (error) {
      // The message is out; only its record is missing. The claim already keeps it from going out twice.
      logger.error({ err: error, reminder: reminder.id, ts }, 'reminder sent but its delivery could not be recorded');
    }
    return 'sent';
  }

  /**
   * Shows the current acknowledgement count on a posted reminder. Clicks can race, so the count is
   * read again after each update and the message updated again if it moved. Through this client a
   * 429 is reported, not queued: the next click updates the count instead.
   */
  async showAcknowledgements(channel: string, ts: string, reminderId: string): Promise<void> {
    // A deleted reminder's messages still count, without @here.
    const reminder = (await this.options.reminders.get(reminderId)) ?? { id: reminderId, mentionHere: false };
    let shown = -1;
    for (let i = 0; i < 3; i++) {
      const count = await this.options.reminders.countAcknowledgements(channel, ts);
      if (count === shown) return;
      const card = this.card(reminder, count);
      try {
        await this.options.client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
      } catch (error) {
        this.options.logger.warn({ err: error, channel }, 'could not update the count on a reminder');
        return;
      }
      shown = count;
    }
  }

  /** The reminder card as it stands, with `acknowledged` people counted. */
  card(reminder: Pick<Reminder, 'id' | 'mentionHere'>, acknowledged: number) {
    // The latest change in the knowledge base is the one to remind people of.
    const { kb } = this.options;
    const latest = changeDate(kb);
    const newRegions = [...kb.regions.values()].filter((r) => r.trainingSince === latest).map((r) => r.name);
    return buildReminderCard({
      reminderId: reminder.id,
      newRegions,
      since: describeDate(latest, this.now()),
      elsewhereSince: coveredElsewhereSince(kb),
      optOutSteps: kb.topic(kb.surfaces.roles.optOut).steps ?? [],
      settingUrl: kb.surfaces.settingUrl,
      acknowledged,
      mentionHere: reminder.mentionHere,
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
