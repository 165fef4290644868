/**
 * Helpers for the reminder tests: a scheduler built the way the app builds it (createSlackApp),
 * talking to a FakeSlack through SLACK_API_URL, with a clock the test moves and no real sleeping.
 */
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { createSlackApp, type SlackApp } from '../../src/app.js';
import type { SlackMessage } from '../../src/blocks/limits.js';
import { reminderIdOfBlock } from '../../src/blocks/reminder-card.js';
import { loadConfig } from '../../src/config.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import type { Deps } from '../../src/handlers/deps.js';
import type { NewReminder } from '../../src/reminders/reminder-store.js';
import type { ReminderScheduler } from '../../src/reminders/scheduler.js';
import type { SenderOptions } from '../../src/reminders/sender.js';
import { Store } from '../../src/store/store.js';
import type { FakeCall, FakeSlack } from '../support/fake-slack.js';

export type Json = Record<string, unknown>;

let kb: KnowledgeBase | undefined;
export function knowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase();
  return kb;
}

export const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

/** A controllable clock: `now()` is what the app sees. */
export class Clock {
  constructor(public current: DateTime) {}
  now = (): DateTime => this.current;
  set(iso: string): void {
    this.current = utc(iso);
  }
  advance(by: Parameters<DateTime['plus']>[0]): void {
    this.current = this.current.plus(by);
  }
}

/** Records every pause the sender asks for, and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

export interface Rig {
  app: SlackApp;
  deps: Deps;
  scheduler: ReminderScheduler;
  store: Store;
  clock: Clock;
  close(): Promise<void>;
}

/** One replica of the app: its own Store connection, its own scheduler, the shared database and FakeSlack. */
export async function schedulerRig(options: {
  databaseUrl: string;
  fake: FakeSlack;
  clock: Clock;
  senderOptions?: Partial<Omit<SenderOptions, 'client' | 'logger'>>;
  adminUserIds?: string;
  kb?: KnowledgeBase;
}): Promise<Rig> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0'.repeat(32),
    SLACK_API_URL: options.fake.apiUrl,
    DATABASE_URL: options.databaseUrl,
    ...(options.adminUserIds ? { ADMIN_USER_IDS: options.adminUserIds } : {}),
  });
  const store = await Store.open(options.databaseUrl);
  const app = createSlackApp({
    config,
    kb: options.kb ?? knowledgeBase(),
    store,
    logger: pino({ level: 'silent' }),
    retries: 0,
    now: options.clock.now,
    senderOptions: options.senderOptions ?? { channelGapMs: 0, backoffMs: 1, sleep: async () => {} },
  });
  return {
    app,
    deps: app.deps,
    scheduler: app.scheduler,
    store,
    clock: options.clock,
    close: () => store.close(),
  };
}

/**
 * Empties the reminder tables, the shared per-channel pacing slots and the opt-out confirmations
 * (the count on the card), so one database can serve every test of a file.
 */
export async function clearReminders(store: Store): Promise<void> {
  await store.db.deleteFrom('opt_out_confirmations').execute();
  await store.db.deleteFrom('channel_slots').execute();
  await store.db.deleteFrom('reminder_deliveries').execute();
  await store.db.deleteFrom('reminder_acks').execute();
  await store.db.deleteFrom('reminders').execute();
}

export function newReminder(overrides: Partial<NewReminder> = {}): NewReminder {
  return {
    teamId: 'T1',
    channelId: 'C0REMIND1',
    createdBy: 'UCREATOR',
    schedule: { kind: 'daily', time: '09:00' },
    timezone: 'UTC',
    until: null,
    mentionHere: false,
    ...overrides,
  };
}

/** A chat.postMessage the FakeSlack received, with its blocks parsed. */
export interface Post {
  channel: string;
  text: string;
  blocks: Json[];
  /** The ts the FakeSlack answered with, when it answered ok. */
  ts: string | null;
  /** The reminder id from the card's "reminder:<id>" block, if it is a reminder card. */
  reminderId: string | null;
  raw: FakeCall;
}

export function toPost(call: FakeCall, ts: string | null = null): Post {
  const rawBlocks = call.body.blocks;
  const blocks = (typeof rawBlocks === 'string' ? JSON.parse(rawBlocks) : Array.isArray(rawBlocks) ? rawBlocks : []) as Json[];
  const reminderBlock = blocks.find((b) => typeof b.block_id === 'string' && b.block_id.startsWith('reminder:'));
  return {
    channel: String(call.body.channel ?? ''),
    text: String(call.body.text ?? ''),
    blocks,
    ts,
    reminderId: reminderIdOfBlock(reminderBlock?.block_id as string | undefined),
    raw: call,
  };
}

export function asMessage(post: Post): SlackMessage {
  return { text: post.text, blocks: post.blocks as unknown as SlackMessage['blocks'] };
}

/**
 * Answers chat.postMessage with ok (and a unique ts) whenever no later-registered responder claims
 * the call, and records those successful posts: what Slack actually accepted. Register it first:
 * FakeSlack asks the most recently registered responder first.
 */
export function recordDeliveries(fake: FakeSlack): { delivered: Post[]; to(channel: string): Post[] } {
  const delivered: Post[] = [];
  let seq = 0;
  fake.respond((call) => {
    if (call.method !== 'chat.postMessage') return undefined;
    const ts = `1790000000.${String(++seq).padStart(6, '0')}`;
    delivered.push(toPost(call, ts));
    return { body: { ok: true, channel: call.body.channel, ts } };
  });
  return { delivered, to: (channel) => delivered.filter((p) => p.channel === channel) };
}

/** Every chat.postMessage to `channel` the FakeSlack received, whatever it answered. */
export function postAttempts(fake: FakeSlack, channel: string): FakeCall[] {
  return fake.calledMethods('chat.postMessage').filter((c) => c.body.channel === channel);
}

/** Answers the first `replies.length` chat.postMessage calls to `channel` with these replies, in order. */
export function scriptPosts(
  fake: FakeSlack,
  channel: string,
  replies: Array<{ status?: number; headers?: Record<string, string>; body: unknown }>,
): void {
  let n = 0;
  fake.respond((call) => {
    if (call.method !== 'chat.postMessage' || call.body.channel !== channel) return undefined;
    return replies[n++];
  });
}

/** Every mrkdwn/plain text in a message's blocks, joined by newlines. */
export function blockTexts(blocks: Json[]): string {
  return blocks
    .flatMap((b) => [b.text, ...((b.elements as unknown[] | undefined) ?? [])])
    .map((t) => (t && typeof t === 'object' ? (t as Json).text : undefined))
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

export function buttons(blocks: Json[]): Json[] {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements as Json[] | undefined) ?? []);
}
