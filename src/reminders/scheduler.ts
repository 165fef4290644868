import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { DateTime, Duration } from 'luxon';
import type { Logger } from 'pino';
import { changeDate, coveredElsewhereSince } from '../answers/compose.js';
import type { SlackMessage } from '../blocks/limits.js';
import { buildReminderCard, buildReplacedReminderCard } from '../blocks/reminder-card.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { describeDate } from '../format/relative-time.js';
import type { Language } from '../knowledge/languages.js';
import { countReminders } from '../metrics.js';
import { MessageUpdates } from './message-updates.js';
import type { PostedMessage, Reminder, ReminderStore } from './reminder-store.js';
import { nextOccurrence } from './schedule.js';
import { type ReminderSender, SendError } from './sender.js';
import { Stopped } from './stopping.js';
import { UnrecordedOutcomes } from './unrecorded.js';

/** An occurrence missed while no app ran is still sent up to this late; later, it is skipped. */
export const MAX_LATENESS = { hours: 2 } as const;
/** A claim this old with no outcome belongs to a process that died mid-send. */
const INTERRUPTED_AFTER = { minutes: 10 } as const;
/** How long stop() lets a post already under way finish. */
const DRAIN_MS = 10_000;

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
  /** Channels sent to at once, so also the most posts in the air at once (each channel gets one message a second). */
  concurrency?: number;
  /** Everyone in a workspace who confirmed opting out: the count on the card. */
  optOuts: { countOptOuts(teamId: string): Promise<number> };
  /** For waiting out a 429 on a message update; tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
  /** A person's Slack language if already known, without asking Slack: the language of the note to a failed reminder's creator. */
  knownLanguage?: (userId: string) => Language | null;
}

/** A message Slack accepted whose outcome the database has not taken yet. */
interface SentOutcome {
  reminder: Reminder;
  occurrence: string;
  ts: string;
  mentionHere: boolean;
}

type Claim = { next: DateTime | null; advance?: boolean };
type PreparedCard = { message: SlackMessage; mentionHere: boolean };

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
  private readonly unrecorded: UnrecordedOutcomes<SentOutcome>;
  /** Fired by stop(): no claim after it, and every wait for a slot or a Retry-After ends. */
  private readonly stopping = new AbortController();
  private readonly oneInTheAir = new OneAtATime();

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = (options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`).slice(0, 128);
    this.now = options.now ?? (() => DateTime.utc());
    const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.updates = new MessageUpdates({ client: options.client, logger: options.logger, sleep });
    this.unrecorded = new UnrecordedOutcomes({ record: (sent) => this.record(sent), logger: options.logger, sleep });
    // Every channel being sent to waits on this signal.
    setMaxListeners(0, this.stopping.signal);
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
   * For shutting down: claims nothing more from now on, ends waits for channel slots and
   * Retry-After at once (a claim whose message was not posted is handed back for another replica),
   * lets a post already under way finish for up to `drainMs`, then tries once more to record
   * outcomes the database missed. A stopped scheduler stays stopped.
   */
  async stop(drainMs = DRAIN_MS): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    let timeout: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.resolve(this.running).then(() => true),
      new Promise<false>((resolve) => {
        timeout = setTimeout(() => resolve(false), drainMs);
      }),
    ]);
    clearTimeout(timeout);
    const unrecorded = await this.unrecorded.stop();
    const log = { instance: this.instanceId, postStillUnderWay: !drained, sentButUnrecorded: unrecorded };
    if (drained && !unrecorded) this.options.logger.info(log, 'reminders stopped');
    else this.options.logger.warn(log, 'reminders stopped; what is listed stays recorded as sending and is never sent again');
  }

  /**
   * One check: marks dead claims, skips occurrences too late to send, then sends the others,
   * channel by channel, each in its channel's next slot.
   */
  async tick(): Promise<TickReport> {
    const now = this.now();
    const report: TickReport = { sent: 0, skipped: 0, failed: 0, alreadyClaimed: 0, interrupted: 0 };
    report.interrupted = await this.options.reminders.markInterrupted(now.minus(INTERRUPTED_AFTER), now);
    const due = await this.options.reminders.due(now);
    const byChannel = new Map<string, Reminder[]>();
    for (const r of due) {
      if (this.stopping.signal.aborted) break;
      if (!tooLate(r, now)) byChannel.set(r.channelId, [...(byChannel.get(r.channelId) ?? []), r]);
      else
        await this.skip(r, now).then(
          (outcome) => void report[outcome]++,
          (error: unknown) => this.failed(report, r, error),
        );
    }
    const queues = [...byChannel.values()];
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? 32, queues.length) }, async () => {
      for (let q = queues.shift(); q; q = queues.shift()) await this.sendChannel(q, report);
    });
    await Promise.all(workers);
    countTick(report);
    if (due.length) this.options.logger.info({ ...report, instance: this.instanceId }, 'reminder check done');
    return report;
  }

  /**
   * Sends one channel's due reminders, one per slot. The card is ready before the slot is awaited and
   * the occurrence is claimed only once the slot has come. A slot stays this replica's until a message
   * goes out in it: occurrences another replica claimed meanwhile are passed over in the same slot.
   */
  private async sendChannel(queue: Reminder[], report: TickReport): Promise<void> {
    // The slot this replica holds and has not posted in yet.
    let slotAt: number | undefined;
    for (let r = queue.shift(); r && !this.stopping.signal.aborted; r = queue.shift()) {
      try {
        const card = await this.prepare(r);
        // Claimed elsewhere (or paused) since the check began: no slot for it.
        if (!card.stillDue) {
          report.alreadyClaimed++;
          continue;
        }
        slotAt ??= await this.options.sender.waitForSlot(r.channelId, this.stopping.signal);
        const occurrence = r.nextRunAt as string;
        const next = nextOccurrence(r.schedule, r.timezone, r.until, DateTime.fromISO(occurrence, { zone: 'utc' }));
        const outcome = await this.deliver(r, occurrence, { next }, card, slotAt);
        if (outcome === 'stopped') return;
        report[outcome]++;
        if (outcome !== 'alreadyClaimed') slotAt = undefined;
      } catch (error) {
        if (error instanceof Stopped) return;
        slotAt = undefined;
        this.failed(report, r, error);
      }
    }
  }

  // One reminder's failure (a database blip) must not stop the others, nor end the check while
  // they are still being sent.
  private failed(report: TickReport, reminder: Reminder, error: unknown): void {
    report.failed++;
    this.options.logger.error({ err: error, reminder: reminder.id }, 'could not process a due reminder; it stays due for the next check');
  }

  /** "Send now" from an admin: one extra message, outside the schedule, recorded like the others. */
  async sendNow(reminder: Reminder): Promise<'sent' | 'failed' | 'alreadyClaimed' | 'stopped'> {
    const card = await this.prepare(reminder);
    let slotAt: number;
    try {
      slotAt = await this.options.sender.waitForSlot(reminder.channelId, this.stopping.signal);
    } catch (error) {
      if (error instanceof Stopped) return 'stopped';
      throw error;
    }
    // Two clicks in the same millisecond claim the same occurrence: only one posts.
    return this.deliver(reminder, `manual:${this.now().toUTC().toISO()}`, { next: null, advance: false }, card, slotAt);
  }

  /** The card to post for a reminder now, and whether its due occurrence is still unclaimed. */
  private async prepare(reminder: Reminder): Promise<PreparedCard & { stillDue: boolean }> {
    const current = await this.options.reminders.get(reminder.id);
    // @here only on the reminder's first post: a series that pings every time teaches people to mute the channel.
    const mentionHere = reminder.mentionHere && current?.lastMessage === null;
    const message = this.card({ id: reminder.id, mentionHere, language: reminder.language }, await this.options.optOuts.countOptOuts(reminder.teamId));
    return { message, mentionHere, stillDue: current?.status === 'active' && current.nextRunAt === reminder.nextRunAt };
  }

  /** Too late to be useful: skips to the next occurrence after now, and says so in the log. */
  private async skip(reminder: Reminder, now: DateTime): Promise<'skipped' | 'alreadyClaimed'> {
    const occurrence = reminder.nextRunAt as string;
    const scheduled = DateTime.fromISO(occurrence, { zone: 'utc' });
    const next = nextOccurrence(reminder.schedule, reminder.timezone, reminder.until, now);
    const missed = countOccurrences(reminder, scheduled, now);
    const detail =
      missed > 1
        ? `${missed} occurrences missed from ${occurrence} (no app was running); the first was ${Math.round(now.diff(scheduled, 'minutes').minutes)} minutes late; all skipped`
        : `missed by ${Math.round(now.diff(scheduled, 'minutes').minutes)} minutes (no app was running); skipped`;
    const claimed = await this.options.reminders.claim(reminder, occurrence, { instanceId: this.instanceId, next, status: 'skipped', detail }, now);
    if (claimed) this.options.logger.warn({ reminder: reminder.id, occurrence }, detail);
    return claimed ? 'skipped' : 'alreadyClaimed';
  }

  /**
   * Claims the occurrence and posts it at once (the caller has waited for the channel's slot), so a
   * claim lives for one round trip to Slack. A claim whose post a stop cut short is handed back.
   */
  private async deliver(
    reminder: Reminder,
    occurrence: string,
    claim: Claim,
    { message, mentionHere }: PreparedCard,
    slotAt: number,
  ): Promise<'sent' | 'failed' | 'alreadyClaimed' | 'stopped'> {
    const { reminders, logger } = this.options;
    let postError: unknown;
    // One claim-and-post at a time in this replica: killed mid-broadcast, it loses at most the message in the air.
    const posted = await this.oneInTheAir.run(async (): Promise<{ ts: string } | 'alreadyClaimed' | 'stopped' | 'posting-failed'> => {
      if (this.stopping.signal.aborted) return 'stopped';
      if (!(await reminders.claim(reminder, occurrence, { instanceId: this.instanceId, status: 'sending', ...claim }, this.now())))
        return 'alreadyClaimed';
      try {
        return { ts: await this.options.sender.post(reminder.channelId, message, this.stopping.signal, slotAt) };
      } catch (error) {
        if (!(error instanceof Stopped)) {
          postError = error;
          return 'posting-failed';
        }
        await reminders.release(reminder, occurrence, { instanceId: this.instanceId, ...claim }, this.now());
        logger.info({ reminder: reminder.id, occurrence }, 'stopping: a reminder not posted yet is handed back for another replica');
        return 'stopped';
      }
    });
    if (posted === 'posting-failed') return this.fail(reminder, occurrence, postError);
    if (typeof posted === 'string') return posted;
    const { ts } = posted;
    const sent = { reminder, occurrence, ts, mentionHere };
    try {
      await this.record(sent);
    } catch (error) {
      // The message is out; only its record is missing. The claim already keeps it from going out twice.
      logger.error({ err: error, reminder: reminder.id, ts }, 'reminder sent but its delivery could not be recorded yet; trying again');
      this.unrecorded.add(sent);
    }
    return 'sent';
  }

  /** Records a message as the reminder's latest, and shrinks the one it replaces. */
  private async record({ reminder, occurrence, ts, mentionHere }: SentOutcome): Promise<void> {
    const previous = await this.options.reminders.finish(reminder.id, occurrence, { status: 'sent', messageTs: ts, mentionedHere: mentionHere }, this.now());
    if (previous) await this.retire(previous, { channelId: reminder.channelId, messageTs: ts }, this.languageOf(reminder));
  }

  private async fail(reminder: Reminder, occurrence: string, error: unknown): Promise<'failed'> {
    const { reminders, logger } = this.options;
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

  /** Shrinks the message a newer one replaced to a line linking to it: one live card per reminder. Failures are logged. */
  private async retire(old: PostedMessage, latest: PostedMessage, language: Language): Promise<void> {
    let url: string | null = null;
    try {
      const res = await this.options.client.chat.getPermalink({ channel: latest.channelId, message_ts: latest.messageTs });
      url = res.permalink ?? null;
    } catch (error) {
      this.options.logger.warn({ err: error, channel: latest.channelId }, 'no link to the newer reminder; the replaced one says so without it');
    }
    const card = buildReplacedReminderCard(url, this.options.kb.say(language));
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
    return this.card({ id: reminderId, mentionHere, language: reminder?.language ?? null }, await optOuts.countOptOuts(reminder?.teamId ?? teamId));
  }

  /** A reminder's language: its admin's choice, else the workspace's (organisation.yml), else English. */
  private languageOf(reminder: Pick<Reminder, 'language'>): Language {
    return reminder.language ?? this.options.kb.organisation?.language ?? 'en';
  }

  /** The reminder card as it stands, `optedOut` people counted; `mentionHere` when this message pings. */
  card(message: { id: string; mentionHere: boolean; language?: Language | null }, optedOut: number): SlackMessage {
    // The latest change in the knowledge base is the one to remind people of.
    const { kb } = this.options;
    const language = this.languageOf({ language: message.language ?? null });
    const latest = changeDate(kb);
    const newRegions = [...kb.regions.values()].filter((r) => r.trainingSince === latest).map((r) => kb.localRegion(r.id, language).shortName);
    return buildReminderCard({
      reminderId: message.id,
      language,
      say: kb.say(language),
      newRegions,
      since: describeDate(latest, this.now(), language),
      elsewhereSince: coveredElsewhereSince(kb),
      optOutSteps: kb.localTopic(kb.surfaces.roles.optOut, language).topic.steps ?? [],
      settingUrl: kb.surfaces.settingUrl,
      optedOut,
      mentionHere: message.mentionHere,
    });
  }

  /** Tells the creator by DM, in their Slack language if known, else the reminder's; `detail` is Slack's own error, left as it is. */
  private async tellCreator(reminder: Reminder, detail: string): Promise<void> {
    const say = this.options.kb.say(this.options.knownLanguage?.(reminder.createdBy) ?? this.languageOf(reminder));
    try {
      await this.options.client.chat.postMessage({
        channel: reminder.createdBy,
        text: say('reminders.stopped', { id: reminder.id, channel: `<#${reminder.channelId}>`, detail }),
      });
    } catch (error) {
      this.options.logger.warn({ err: error, reminder: reminder.id }, 'could not tell the creator that a reminder failed');
    }
  }
}

function tooLate(reminder: Reminder, now: DateTime): boolean {
  const scheduled = DateTime.fromISO(reminder.nextRunAt as string, { zone: 'utc' });
  return now.diff(scheduled).toMillis() > Duration.fromObject(MAX_LATENESS).toMillis();
}

/** Occurrences from `from` (included) up to `to`, counted to record how many an outage skipped (at most 1000). */
function countOccurrences(reminder: Reminder, from: DateTime, to: DateTime): number {
  let count = 0;
  for (let at: DateTime | null = from; at && at <= to && count < 1000; at = nextOccurrence(reminder.schedule, reminder.timezone, reminder.until, at))
    count++;
  return count;
}

/** Runs tasks one after another, in the order they asked. */
class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task);
    this.last = result.catch(() => undefined);
    return result;
  }
}

/** A check's outcomes for /metrics; "lost" are the claims marked interrupted: claimed, never sent. */
function countTick(report: TickReport): void {
  countReminders('sent', report.sent);
  countReminders('failed', report.failed);
  countReminders('skipped', report.skipped);
  countReminders('lost', report.interrupted);
}
