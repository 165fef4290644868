import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SlackMessage } from '../blocks/limits.js';

/** What a message should show now, read at the moment of sending; null to leave it as it is. */
export type Render = () => Promise<SlackMessage | null>;

interface Pending {
  render: Render;
  /** Something changed since the last render began: render and send once more. */
  dirty: boolean;
  done: Promise<void>;
}

export interface MessageUpdatesOptions {
  client: Pick<WebClient, 'chat'>;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** 429s in a row waited out for one message before giving up (the next change starts again). */
  maxRateLimitWaits?: number;
}

/**
 * chat.update for messages that change in bursts (a count people click up). Per message at most one
 * update is under way; changes meanwhile only mark it dirty, and when it ends (or a 429's Retry-After
 * has passed) one more update goes out, rendered fresh at that moment. So the last change is always
 * shown, with as few calls as a burst allows.
 */
export class MessageUpdates {
  private readonly pending = new Map<string, Pending>();
  private readonly maxWaits: number;

  constructor(private readonly options: MessageUpdatesOptions) {
    this.maxWaits = options.maxRateLimitWaits ?? 10;
  }

  /** Asks for the message to show `render`'s result; resolves once it does (or the update gave up, logged). */
  request(channel: string, ts: string, render: Render): Promise<void> {
    const key = `${channel}:${ts}`;
    const current = this.pending.get(key);
    if (current) {
      current.render = render;
      current.dirty = true;
      return current.done;
    }
    const entry: Pending = { render, dirty: true, done: Promise.resolve() };
    this.pending.set(key, entry);
    entry.done = this.run(key, channel, ts, entry);
    return entry.done;
  }

  private async run(key: string, channel: string, ts: string, entry: Pending): Promise<void> {
    const { client, logger, sleep } = this.options;
    let shown: string | null = null;
    let waits = 0;
    try {
      while (entry.dirty) {
        entry.dirty = false;
        const message = await entry.render();
        const json = message && JSON.stringify(message);
        if (!message || json === shown) continue;
        try {
          await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
          shown = json;
          waits = 0;
        } catch (error) {
          const e = error as { code?: string; retryAfter?: number };
          if (e.code !== ErrorCode.RateLimitedError || ++waits > this.maxWaits) throw error;
          logger.warn({ channel, retryAfterSeconds: e.retryAfter }, 'rate limited updating a message; waiting, then sending its latest state');
          await sleep(Math.max(0, (e.retryAfter ?? 1) * 1000));
          entry.dirty = true;
        }
      }
    } catch (error) {
      logger.warn({ err: error, channel }, 'could not update a message');
    } finally {
      // Synchronously after the last check of `dirty`: a request arriving later starts a new run.
      this.pending.delete(key);
    }
  }
}
