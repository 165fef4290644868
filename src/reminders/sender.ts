import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SlackMessage } from '../blocks/limits.js';
import { pause } from './stopping.js';

/** Slack errors that retrying will not fix: the reminder is marked failed and its creator told. */
const PERMANENT = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'not_authed',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_reply_to_message',
  'team_access_not_granted',
  'ekm_access_denied',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_blocks_format',
  'too_many_attachments',
  'channel_is_archived',
  'user_is_restricted',
]);
/** Slack's own hiccups: worth another try after a pause. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** A reminder that could not be posted: `permanent` when retrying cannot help (channel gone, archived…). */
export class SendError extends Error {
  override name = 'SendError';

  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Hands out each channel's sending slots; shared through the database so replicas keep the pace together. */
export interface ChannelSlots {
  reserve(channel: string, gapMs: number, notBefore: number): Promise<number>;
}

/** Slots kept in this process only (one app, or tests). */
export class LocalChannelSlots implements ChannelSlots {
  private readonly next = new Map<string, number>();
  async reserve(channel: string, gapMs: number, notBefore: number): Promise<number> {
    const at = Math.max(notBefore, this.next.get(channel) ?? 0);
    this.next.set(channel, at + gapMs);
    if (this.next.size > 10_000) for (const [c, t] of this.next) if (t < notBefore) this.next.delete(c);
    return at;
  }
}

export interface SenderOptions {
  client: WebClient;
  logger: Logger;
  slots?: ChannelSlots;
  /** Slack allows about one message a second per channel. */
  channelGapMs?: number;
  /** Tries for transient errors (network, 5xx, internal_error), with doubling pauses. */
  attempts?: number;
  backoffMs?: number;
  /** At most this many 429 answers are waited out for one message. */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Posts reminder messages the way Slack wants them posted: at most about one a second per channel,
 * waiting out 429 (Retry-After) and retrying the same message, joining a public channel it is not
 * in, retrying transient errors with backoff, and failing at once on permanent ones.
 */
export class ReminderSender {
  private readonly slots: ChannelSlots;
  private readonly gap: number;
  private readonly attempts: number;
  private readonly backoff: number;
  private readonly maxWaits: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SenderOptions) {
    this.slots = options.slots ?? new LocalChannelSlots();
    this.gap = options.channelGapMs ?? 1100;
    this.attempts = options.attempts ?? 4;
    this.backoff = options.backoffMs ?? 1000;
    this.maxWaits = options.maxRateLimitWaits ?? 10;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Posts in the channel slot the caller waited for (waitForSlot: `slotAt`) and returns the message
   * ts, or throws SendError. Each retry waits for a slot of its own, and so does a first attempt that
   * is late for its slot (a slow claim), lest it follow the next slot's post too closely. Throws
   * Stopped when `signal` ends a wait: the message was not posted after that wait.
   */
  async post(channel: string, message: SlackMessage, signal?: AbortSignal, slotAt = Date.now()): Promise<string> {
    let failures = 0;
    let rateLimitWaits = 0;
    let joined = false;
    let notBefore = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 || notBefore - slotAt > this.gap / 10) await this.waitForSlot(channel, signal, notBefore);
      notBefore = Date.now();
      try {
        const res = await this.options.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
        return String(res.ts ?? '');
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
        if (e.code === ErrorCode.RateLimitedError) {
          if (++rateLimitWaits > this.maxWaits) throw new SendError('ratelimited', `still rate limited after ${this.maxWaits} waits`, false);
          const waitMs = Math.max(0, (e.retryAfter ?? 1) * 1000);
          this.options.logger.warn(
            { channel, retryAfterSeconds: e.retryAfter },
            'rate limited by Slack; waiting, then sending the same message again',
          );
          notBefore = Date.now() + waitMs;
          continue;
        }
        const slackError = e.code === ErrorCode.PlatformError ? (e.data?.error ?? 'unknown_error') : null;
        if (slackError === 'not_in_channel' && !joined) {
          joined = true;
          try {
            await this.options.client.conversations.join({ channel });
            this.options.logger.info({ channel }, 'joined the channel to post a reminder');
            continue;
          } catch (joinError) {
            const j = joinError as { code?: string; data?: { error?: string } };
            if (j.code !== ErrorCode.PlatformError) {
              // A 429 or a network error on the join: worth another try, not a verdict on the channel.
              failures++;
              if (failures >= this.attempts)
                throw new SendError('not_in_channel', `not_in_channel, and joining kept failing (${j.code ?? 'unknown'})`, false);
              joined = false;
              await pause(this.sleep, this.backoff * 2 ** (failures - 1), signal);
              continue;
            }
            throw new SendError(
              'not_in_channel',
              `not_in_channel: the app is not in the channel and could not join it (${j.data?.error ?? 'unknown_error'}); invite it with /invite`,
              true,
            );
          }
        }
        if (slackError && (PERMANENT.has(slackError) || !TRANSIENT.has(slackError))) throw new SendError(slackError, slackError, true);
        // Transient: Slack's internal errors, 5xx answers, network failures.
        failures++;
        const what = slackError ?? e.code ?? e.message ?? 'unknown error';
        if (failures >= this.attempts) throw new SendError(String(what), `gave up after ${failures} attempts: ${what}`, false);
        const backoff = this.backoff * 2 ** (failures - 1);
        this.options.logger.warn({ channel, error: what, attempt: failures, pauseMs: backoff }, 'transient error posting a reminder; retrying');
        await pause(this.sleep, backoff, signal);
      }
    }
  }

  /**
   * Waits for this channel's next free slot and returns its time; slots are handed out in order, so
   * bursts queue up. Throws Stopped when `signal` ends the wait.
   */
  async waitForSlot(channel: string, signal?: AbortSignal, notBefore = Date.now()): Promise<number> {
    const at = await this.slots.reserve(channel, this.gap, notBefore);
    const wait = at - Date.now();
    if (wait > 0) await pause(this.sleep, wait, signal);
    return at;
  }
}
