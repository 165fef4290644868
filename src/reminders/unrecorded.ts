import type { Logger } from 'pino';
import { pause, Stopped } from './stopping.js';

export interface UnrecordedOptions<T> {
  /** Writes one outcome; throws while the database does not answer. */
  record(entry: T): Promise<void>;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/**
 * Outcomes of messages Slack accepted while the database could not record them. Left unrecorded,
 * their claims would read 'sending' and later "interrupted … not sent again", though they went out,
 * so they are kept here and written again, with growing pauses, until the database takes them.
 * Kept in memory only: a process that dies first leaves them 'sending'.
 */
export class UnrecordedOutcomes<T> {
  private readonly waiting: T[] = [];
  private retrying: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private readonly firstPause: number;
  private readonly maxPause: number;

  constructor(private readonly options: UnrecordedOptions<T>) {
    this.firstPause = options.firstPauseMs ?? 1000;
    this.maxPause = options.maxPauseMs ?? 30_000;
  }

  add(entry: T): void {
    this.waiting.push(entry);
    this.retrying ??= this.retry().finally(() => {
      this.retrying = null;
    });
  }

  /** Ends the retries and tries each one last time; resolves to how many are still unrecorded. */
  async stop(): Promise<number> {
    this.stopping.abort();
    await this.retrying;
    await this.tryAll();
    return this.waiting.length;
  }

  private async retry(): Promise<void> {
    for (let wait = this.firstPause; this.waiting.length; wait = Math.min(wait * 2, this.maxPause)) {
      try {
        await pause(this.options.sleep, wait, this.stopping.signal);
      } catch (error) {
        if (error instanceof Stopped) return;
        throw error;
      }
      await this.tryAll();
    }
  }

  /** Oldest first; stops at the first failure, as the database is still down. */
  private async tryAll(): Promise<void> {
    for (let entry = this.waiting[0]; entry !== undefined; entry = this.waiting[0]) {
      try {
        await this.options.record(entry);
      } catch (error) {
        this.options.logger.warn({ err: error, waiting: this.waiting.length }, 'the database still cannot record sent reminders; trying again later');
        return;
      }
      this.waiting.shift();
    }
  }
}
