/**
 * In-process harness for the Bolt app (platform-notes §5, pattern 1): a fake receiver, `authorize`
 * instead of a token (so no auth.test), Web API retries off, and nock for https://slack.com/api/*
 * and response_url posts on https://hooks.slack.com.
 *
 * `app.processEvent()` resolves only after every listener has settled (Bolt 5.1 awaits
 * `Promise.allSettled(listenerResults)`), so tests assert right after `deliver()` without waiting.
 */
import type { App } from '@slack/bolt';
import { DateTime } from 'luxon';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createSlackApp } from '../../src/app.js';
import type { SlackMessage } from '../../src/blocks/limits.js';
import { loadConfig } from '../../src/config.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import type { Deps } from '../../src/handlers/deps.js';
import { Store } from '../../src/store/store.js';
import { sqliteDatabase, type TestDatabase } from './databases.js';

export const TEAM_ID = 'T1';
export const USER_ID = 'U1';
export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'B1';
export const ADMIN_ID = 'UADMIN';
export const RESPONSE_URL = 'https://hooks.slack.com/actions/T1/1/abc';
export const COMMAND_RESPONSE_URL = 'https://hooks.slack.com/commands/T1/1/abc';
export const NOW = DateTime.fromISO('2026-11-29T10:00:00Z', { zone: 'utc' });

export type Json = Record<string, unknown>;

let sharedKb: KnowledgeBase | undefined;
/** The built-in knowledge base, loaded once per test file. */
export function knowledgeBase(): KnowledgeBase {
  sharedKb ??= loadKnowledgeBase();
  return sharedKb;
}

export interface LogEntry extends Json {
  level: number;
  msg?: string;
}

export interface Delivery {
  /** Every argument `ack` was called with, in order (undefined for a bare `ack()`). */
  acks: unknown[];
}

export interface Harness {
  app: App;
  deps: Deps;
  store: Store;
  kb: KnowledgeBase;
  /** Everything the app logged at info level or above, parsed. */
  logs: LogEntry[];
  deliver(body: Json, options?: { retryNum?: number; retryReason?: string }): Promise<Delivery>;
  close(): Promise<void>;
}

/**
 * A fresh app on a fresh SQLite database (or the database at `databaseUrl`, which the caller owns), as in
 * production but for the receiver and `authorize`.
 */
export async function createHarness(options: { kb?: KnowledgeBase; databaseUrl?: string } = {}): Promise<Harness> {
  const database: TestDatabase = options.databaseUrl
    ? { name: 'postgres', url: options.databaseUrl, drop: async () => undefined }
    : sqliteDatabase();
  const store = await Store.open(database.url);
  const kb = options.kb ?? knowledgeBase();
  const logs: LogEntry[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogEntry) });
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: '0'.repeat(32), ADMIN_USER_IDS: ADMIN_ID });
  const receiver = { init() {}, start: async () => {}, stop: async () => {} };
  const { app, deps } = createSlackApp({
    config,
    kb,
    store,
    logger,
    receiver,
    authorize: async () => ({ botToken: 'xoxb-test', botId: BOT_ID, botUserId: BOT_USER_ID }),
    retries: 0,
    now: () => NOW,
  });
  return {
    app,
    deps,
    store,
    kb,
    logs,
    async deliver(body, options = {}) {
      const acks: unknown[] = [];
      await app.processEvent({
        body,
        ack: async (response?: unknown) => {
          acks.push(response);
        },
        ...(options.retryNum !== undefined ? { retryNum: options.retryNum, retryReason: options.retryReason ?? 'http_timeout' } : {}),
      });
      return { acks };
    },
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

// ---------- nock ----------

/** One Web API call as the app sent it: the form fields, with `blocks`/`view`/`attachments` parsed from JSON. */
export type ApiCall = Json;

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

function parseForm(body: string): ApiCall {
  const fields: ApiCall = {};
  for (const [key, value] of new URLSearchParams(body)) fields[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  return fields;
}

/** Mocks https://slack.com/api/<method> (every call) and records what was sent. */
export function mockSlackApi(method: string, response: Json = { ok: true }): { scope: nock.Scope; calls: ApiCall[] } {
  const calls: ApiCall[] = [];
  const scope = nock('https://slack.com').persist().post(`/api/${method}`).reply(200, response);
  scope.on('request', (_request: Request, _interceptor: unknown, body: string) => calls.push(parseForm(body)));
  return { scope, calls };
}

/** Mocks posts to a response_url (every post, answering `status`) and records their JSON bodies. */
export function mockResponseUrl(url = RESPONSE_URL, status = 200): { scope: nock.Scope; posts: Json[] } {
  const posts: Json[] = [];
  const { origin, pathname } = new URL(url);
  const scope = nock(origin)
    .persist()
    .post(pathname)
    .reply(status, status < 300 ? 'ok' : 'no_active_hooks');
  scope.on('request', (_request: Request, _interceptor: unknown, body: string) => posts.push(JSON.parse(body) as Json));
  return { scope, posts };
}

/** Records every request nock had no interceptor for (with net connect disabled, none reaches the network). */
export function trackUnmatched(): { requests: string[]; stop(): void } {
  const requests: string[] = [];
  const listener = (request: Request) => void requests.push(`${request.method} ${request.url}`);
  nock.emitter.on('no match', listener);
  return { requests, stop: () => void nock.emitter.off('no match', listener) };
}

// ---------- payloads (platform-notes §3) ----------

let sequence = 0;
const next = () => ++sequence;

/** A slash command as Bolt's HTTPReceiver parses the form post: every field a string. */
export function slashCommand(text: string, overrides: Record<string, string> = {}): Json {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    team_domain: 'acme',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: USER_ID,
    user_name: 'ada',
    command: '/linkedin-ai',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: COMMAND_RESPONSE_URL,
    trigger_id: `${next()}.1.abc`,
    ...overrides,
  };
}

/** An Events API envelope around `event`, with a fresh event_id unless one is given. */
export function eventEnvelope(event: Json, eventId = `Ev${String(next()).padStart(6, '0')}`): Json {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: '4-abc',
  };
}

export function appMention(text: string, extra: Json = {}, eventId?: string): Json {
  return eventEnvelope(
    {
      type: 'app_mention',
      user: USER_ID,
      text,
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
      team: TEAM_ID,
      client_msg_id: 'c0ffee',
      ...extra,
    },
    eventId,
  );
}

export function directMessage(text: string, extra: Json = {}): Json {
  return eventEnvelope({
    type: 'message',
    channel: 'D1',
    channel_type: 'im',
    user: USER_ID,
    text,
    ts: '1700000001.000200',
    event_ts: '1700000001.000200',
    team: TEAM_ID,
    client_msg_id: 'c0ffee2',
    ...extra,
  });
}

export function homeOpened(user: string, tab = 'home'): Json {
  return eventEnvelope({ type: 'app_home_opened', user, channel: 'D1', tab, event_ts: '1700000002.000300' });
}

export interface ClickOptions {
  value?: string;
  user?: string;
  /** 'message' (default) or 'view' (a Home tab button). */
  container?: 'message' | 'view';
  ephemeral?: boolean;
  /** The conversation the message is in (default C1, a channel; D… is a DM). */
  channel?: string;
  /**
   * The element clicked: a button (default); an option of the "more" overflow menu or a 👍/👎 of a
   * feedback_buttons element, whose value then stands for `actionId` (as `encodeChoice` writes it);
   * or a static select, whose chosen option carries `value`.
   */
  element?: 'button' | 'overflow' | 'feedback_buttons' | 'static_select';
}

/** A block_actions payload (already parsed from `payload=`) for one button click. */
export function buttonClick(actionId: string, options: ClickOptions = {}): Json {
  const user = options.user ?? USER_ID;
  const container =
    options.container === 'view'
      ? { type: 'view', view_id: 'V1' }
      : { type: 'message', message_ts: '1700000003.000400', channel_id: options.channel ?? 'C1', is_ephemeral: options.ephemeral ?? false };
  return {
    type: 'block_actions',
    user: { id: user, username: 'ada', name: 'ada', team_id: TEAM_ID },
    api_app_id: 'A1',
    token: 'verification-token',
    container,
    trigger_id: `${next()}.2.def`,
    team: { id: TEAM_ID, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    ...(options.container === 'view'
      ? { view: { id: 'V1', type: 'home', team_id: TEAM_ID, blocks: [] } }
      : { channel: { id: options.channel ?? 'C1', name: 'general' }, response_url: RESPONSE_URL }),
    actions: [clickedElement(actionId, options)],
  };
}

function clickedElement(actionId: string, options: ClickOptions): Json {
  const base = { block_id: 'b1', action_ts: '1700000004.000500' };
  const choice = `${actionId} ${options.value ?? ''}`;
  switch (options.element ?? 'button') {
    case 'overflow':
      return { ...base, type: 'overflow', action_id: 'more', selected_option: { text: { type: 'plain_text', text: 'Option' }, value: choice } };
    case 'feedback_buttons':
      return { ...base, type: 'feedback_buttons', action_id: 'feedback', text: { type: 'plain_text', text: '👍' }, value: choice };
    case 'static_select':
      return { ...base, type: 'static_select', action_id: actionId, selected_option: { text: { type: 'plain_text', text: 'Option' }, value: options.value ?? '' } };
    default:
      return {
        ...base,
        type: 'button',
        action_id: actionId,
        text: { type: 'plain_text', text: 'Button', emoji: true },
        ...(options.value !== undefined ? { value: options.value } : {}),
      };
  }
}

// ---------- reading messages ----------

/** A posted or acknowledged message as the limits checker takes it. */
export function asMessage(payload: unknown): SlackMessage {
  const p = payload as Json;
  return { text: typeof p.text === 'string' ? p.text : '', blocks: (Array.isArray(p.blocks) ? p.blocks : []) as SlackMessage['blocks'] };
}

export function blocksOf(payload: unknown): Json[] {
  const blocks = (payload as Json | undefined)?.blocks;
  return Array.isArray(blocks) ? (blocks as Json[]) : [];
}

export function headerOf(payload: unknown): string | undefined {
  const header = blocksOf(payload).find((b) => b.type === 'header');
  return ((header?.text as Json | undefined)?.text as string | undefined) ?? undefined;
}

/**
 * Every button in the message's actions blocks, and every option of its menus as the button it stands
 * for (`{ action_id, value, text }`, decoded from "<action id> <value>").
 */
export function buttonsOf(payload: unknown): Json[] {
  return blocksOf(payload)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as Json[] | undefined) ?? [])
    .flatMap((e) => (e.action_id === 'more' && Array.isArray(e.options) ? (e.options as Json[]).map(asButton) : [e]));
}

function asButton(option: Json): Json {
  const [, actionId, value] = String(option.value).match(/^(\S+) ([\s\S]*)$/) ?? [];
  return { type: 'button', action_id: actionId, value, text: option.text };
}

/** The topic an answer card answers (its actions are tagged "next:<topic>"). */
export function topicOf(payload: unknown): string | undefined {
  const tagged = blocksOf(payload).find((b) => typeof b.block_id === 'string' && b.block_id.startsWith('next:'));
  return (tagged?.block_id as string | undefined)?.slice('next:'.length);
}

/** Every mrkdwn/plain text in the message's sections and contexts, joined by newlines. */
export function visibleText(payload: unknown): string {
  return blocksOf(payload)
    .flatMap((b) => [b.text, ...((b.fields as unknown[] | undefined) ?? []), ...((b.elements as unknown[] | undefined) ?? [])])
    .map((t) => (t && typeof t === 'object' ? (t as Json).text : undefined))
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

/**
 * Registers the hooks every listener test needs: no real network, a fresh harness per test, and a
 * failure for any request nock had no mock for. Returns the current harness (a stand-in object
 * that always points at this test's one).
 */
export function useHarness(): Harness {
  let current: Harness | null = null;
  let unmatched: ReturnType<typeof trackUnmatched> | null = null;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(async () => {
    current = await createHarness();
    unmatched = trackUnmatched();
  });
  afterEach(async () => {
    unmatched?.stop();
    nock.cleanAll();
    await current?.close();
    expect(unmatched?.requests).toEqual([]);
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current) throw new Error('the harness is only there inside a test');
      const value = current[key as keyof Harness];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
