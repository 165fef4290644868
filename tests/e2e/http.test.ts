import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/app.js';
import { encodeButtonValue } from '../../src/blocks/actions.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { registry } from '../../src/metrics.js';
import { createHttpServer, type HttpEdge } from '../../src/server.js';
import { Store } from '../../src/store/store.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeSlack } from '../support/fake-slack.js';
import { commandBody, eventEnvelope, slackSignature } from '../support/signing.js';

const SECRET = '8f742231b10e8888abcd99aaabbb85a5';

describe('the app over HTTP, signed as Slack signs, against a stand-in Web API', () => {
  const fake = new FakeSlack();
  let database: TestDatabase;
  let store: Store;
  let edge: HttpEdge;
  let base = '';

  beforeAll(async () => {
    await fake.start();
    database = sqliteDatabase();
    store = await Store.open(database.url);
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    const logger = pino({ level: 'silent' });
    const { app, httpReceiver } = createSlackApp({ config, kb: loadKnowledgeBase(), store, logger, retries: 0 });
    await app.init(); // auth.test against the stand-in
    if (!httpReceiver) throw new Error('expected HTTP mode');
    edge = createHttpServer({
      receiver: httpReceiver,
      logger,
      readiness: async () => ({ database: 'ok' }),
      metrics: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
    });
    await new Promise<void>((resolve) => edge.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(edge.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    edge.server.closeAllConnections();
    await edge.close();
    await store.close();
    await database.drop();
    await fake.stop();
  });
  beforeEach(() => fake.reset());

  const post = (body: string, contentType: string, headers: Record<string, string>) =>
    fetch(`${base}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });
  const signedForm = (body: string, ts?: number) => post(body, 'application/x-www-form-urlencoded', slackSignature(SECRET, body, ts));
  const signedJson = (body: string, extra: Record<string, string> = {}) =>
    post(body, 'application/json', { ...slackSignature(SECRET, body), ...extra });

  it('signs test requests exactly like Slack’s documented example', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)['x-slack-signature']).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('answers GET /healthz with 200 and JSON', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers /linkedin-ai with an ephemeral card within Slack’s limits', async () => {
    const res = await signedForm(commandBody({ text: 'Does this apply to our Toronto office?' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SlackMessage & { response_type: string };
    expect(body.response_type).toBe('ephemeral');
    expect(limitViolations(body)).toEqual([]);
    expect(JSON.stringify(body.blocks)).toContain('Canada');
    // "Share in channel" is an option of the card's menu.
    expect(JSON.stringify(body.blocks)).toContain('"value":"share {');
  });

  it('never echoes <!channel> typed into a question', async () => {
    const res = await signedForm(commandBody({ text: 'what about Meta <!channel> <!here> <!everyone> <@U999>' }));
    const text = await res.text();
    expect(res.status).toBe(200);
    for (const ping of ['<!channel>', '<!here>', '<!everyone>', '<@U999>']) expect(text).not.toContain(ping);
  });

  it.each([
    ['a wrong signature', () => post(commandBody({}), 'application/x-www-form-urlencoded', { ...slackSignature('f'.repeat(32), commandBody({})) })],
    [
      'no signature',
      () => post(commandBody({}), 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) }),
    ],
    ['a timestamp 10 minutes old', () => signedForm(commandBody({}), Math.floor(Date.now() / 1000) - 600)],
    ['a timestamp 10 minutes in the future', () => signedForm(commandBody({}), Math.floor(Date.now() / 1000) + 600)],
    [
      'a body changed after signing',
      () => post(`${commandBody({})}&x=1`, 'application/x-www-form-urlencoded', slackSignature(SECRET, commandBody({}))),
    ],
  ])('refuses %s with 401', async (_, send) => {
    const res = await send();
    expect(res.status).toBe(401);
  });

  it('answers the url_verification challenge', async () => {
    const res = await signedJson(JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('abc123');
  });

  it('answers a mention in its thread, and a retried delivery only once', async () => {
    const body = eventEnvelope('EvMention1', {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> how do I opt out?',
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
    });
    const first = await signedJson(body);
    expect(first.status).toBe(200);
    const retry = await signedJson(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    // Give a wrongly answered retry the time it would need to arrive.
    await new Promise((r) => setTimeout(r, 200));
    const posts = fake.calledMethods('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    const message = { text: String(posts[0]?.body.text), blocks: JSON.parse(String(posts[0]?.body.blocks)) };
    expect(limitViolations(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('"block_id":"next:opt-out-how"');
  });

  it('counts questions by surface, kind and topic, their latency, and Slack calls, at /metrics', async () => {
    await signedForm(commandBody({ text: 'how do I opt out?' }));
    await signedJson(
      eventEnvelope('EvMetrics1', { type: 'message', channel_type: 'im', channel: 'D9', user: 'U9', text: 'how do I opt out?', ts: '1700000009.000100' }),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'D9'));
    // The DM is counted once its answer is posted.
    let text = '';
    while (!text.includes('surface="dm"')) text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^linkedin_ai_questions_total\{surface="slash",kind="answer",topic="opt-out-how",language="en"\} [1-9]/m);
    expect(text).toMatch(/^linkedin_ai_questions_total\{surface="dm",kind="answer",topic="opt-out-how",language="en"\} 1$/m);
    expect(text).toMatch(/^linkedin_ai_answer_seconds_count\{surface="slash"\} [1-9]/m);
    expect(text).toMatch(/^linkedin_ai_slack_api_calls_total\{method="chat.postMessage",error=""\} [1-9]/m);
    expect(text).toMatch(/^linkedin_ai_slack_api_calls_total\{method="auth.test",error=""\} 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('answers a direct message in the DM', async () => {
    await signedJson(
      eventEnvelope('EvDm1', { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'are my DMs used?', ts: '1700000001.000100' }),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const [post] = fake.calledMethods('chat.postMessage');
    expect(post?.body.channel).toBe('D1');
    expect(post?.body.thread_ts).toBeUndefined();
  });

  it('replaces a card in place when a related-topic button is clicked', async () => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U1', username: 'alex', name: 'alex', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
      trigger_id: '1.2.3',
      team: { id: 'T1', domain: 'example' },
      channel: { id: 'C1', name: 'general' },
      response_url: `${fake.hooksUrl}actions/T1/1/abc`,
      actions: [
        {
          action_id: 'topic:minors',
          block_id: 'next:opt-out-how',
          text: { type: 'plain_text', text: 'Minors' },
          value: encodeButtonValue({ topic: 'minors', region: null, country: null }),
          type: 'button',
          action_ts: '1.3',
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await signedForm(body);
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method.startsWith('/hooks/')));
    const hook = fake.calls.find((c) => c.method.startsWith('/hooks/'));
    expect(hook?.body.replace_original).toBe(true);
    expect(JSON.stringify(hook?.body.blocks)).toContain('"block_id":"next:minors"');
  });
});

describe('start-up with a bad token', () => {
  it('rejects app.init() with Slack’s error instead of crashing later', async () => {
    const fake = await new FakeSlack().start();
    fake.respond((call) => (call.method === 'auth.test' ? { body: { ok: false, error: 'invalid_auth' } } : undefined));
    const database = sqliteDatabase();
    const store = await Store.open(database.url);
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
      const { app } = createSlackApp({ config, kb: loadKnowledgeBase(), store, logger: pino({ level: 'silent' }), retries: 0 });
      await expect(app.init()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    } finally {
      await store.close();
      await database.drop();
      await fake.stop();
    }
  });
});
