import { connect, type Socket } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { createHttpServer, type EdgeLimits, type HttpEdge } from '../../src/server.js';
import { Store } from '../../src/store/store.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeSlack } from '../support/fake-slack.js';
import { commandBody, slackSignature } from '../support/signing.js';

const SECRET = '8f742231b10e8888abcd99aaabbb85a5';
const LIMIT = 512 * 1024;

/** A raw connection, so a test can send headers and part of a body and then stall, as an attacker would. */
function rawRequest(port: number, head: string, body = '') {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => {
    received += String(d);
  });
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.write(head + body);
  return { socket, closed };
}

/** Request headers as a stranger forges them: a signature that looks right and a current timestamp. */
function forgedHead(extra: string): string {
  const ts = Math.floor(Date.now() / 1000);
  return `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n${extra}\r\n`;
}

describe('the HTTP edge: what a stranger can cost before the signature is checked', () => {
  const fake = new FakeSlack();
  let database: TestDatabase;
  let store: Store;
  let receiver: HTTPReceiver;
  const logger = pino({ level: 'silent' });
  const edges: HttpEdge[] = [];

  beforeAll(async () => {
    await fake.start();
    database = sqliteDatabase();
    store = await Store.open(database.url);
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    const { app, httpReceiver } = createSlackApp({ config, kb: loadKnowledgeBase(), store, logger, retries: 0 });
    await app.init();
    if (!httpReceiver) throw new Error('expected HTTP mode');
    receiver = httpReceiver;
  });
  afterEach(async () => {
    for (const edge of edges.splice(0)) {
      edge.server.closeAllConnections();
      await edge.close();
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
    await fake.stop();
  });

  async function start(limits: Partial<EdgeLimits> = {}, database = 'ok'): Promise<{ edge: HttpEdge; port: number }> {
    const edge = createHttpServer({ receiver, logger, readiness: async () => ({ database }), limits });
    edges.push(edge);
    await new Promise<void>((resolve) => edge.server.listen(0, '127.0.0.1', resolve));
    const address = edge.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { edge, port: address.port };
  }

  const signedPost = (port: number, body: string, contentType: string) =>
    fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...slackSignature(SECRET, body) } });

  it('refuses a declared body over the limit with 413 without waiting for it, and closes the connection', async () => {
    const { port } = await start();
    const { closed } = rawRequest(port, forgedHead(`Content-Length: ${LIMIT + 1}\r\n`));
    expect(await closed).toMatch(/^HTTP\/1\.1 413/);
  });

  it('cuts off a chunked body once it grows past the limit', async () => {
    const { port } = await start();
    const chunk = 'x'.repeat(LIMIT + 1);
    const { closed } = rawRequest(port, forgedHead('Transfer-Encoding: chunked\r\n'), `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(await closed).toMatch(/^HTTP\/1\.1 413/);
  });

  it('answers a signed body up to the limit', async () => {
    const { port } = await start();
    const body = commandBody({ text: 'how do I opt out?', padding: 'x'.repeat(LIMIT - 2000) });
    const res = await signedPost(port, body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
  });

  it('refuses bodies beyond the cap on unverified ones with 503 at once, and serves Slack again once they are gone', async () => {
    const { edge, port } = await start({ maxUnverifiedBodies: 3 });
    let seen = 0;
    const allSeen = new Promise<void>((resolve) =>
      edge.server.on('request', () => {
        if (++seen === 3) resolve();
      }),
    );
    const stalled = [1, 2, 3].map(() => rawRequest(port, forgedHead('Content-Length: 400000\r\n'), 'x'.repeat(1000)));
    await allSeen;
    const refused = rawRequest(port, forgedHead('Content-Length: 400000\r\n'), 'x'.repeat(1000));
    expect(await refused.closed).toMatch(/^HTTP\/1\.1 503/);

    for (const s of stalled) s.socket.destroy();
    await Promise.all(stalled.map((s) => s.closed));
    // The server counts a body as gone when it sees the connection close.
    let status = 503;
    while (status === 503) status = (await signedPost(port, commandBody({ text: 'how do I opt out?' }), 'application/x-www-form-urlencoded')).status;
    expect(status).toBe(200);
  });

  it('closes a connection whose body stalls past the request timeout', async () => {
    const { port } = await start({ requestTimeoutMs: 1000, headersTimeoutMs: 500 });
    const { closed } = rawRequest(port, forgedHead('Content-Length: 400000\r\n'), 'x'.repeat(1000));
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers /healthz and /readyz, ready with a degraded database too, since answers need none', async () => {
    const { port } = await start({}, 'degraded');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: 'degraded' });
  });

  it('drains: /readyz says 503, requests are still answered and close their connection, close() waits for the one under way', async () => {
    const { edge, port } = await start();
    const body = commandBody({ text: 'how do I opt out?' });
    const head = `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n${Object.entries(
      slackSignature(SECRET, body),
    )
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
    let arrived = false;
    const started = new Promise<void>((resolve) => edge.server.once('request', () => resolve()));
    const underWay = rawRequest(port, head, body.slice(0, 10));
    await started;

    edge.drain();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const closing = edge.close().then(() => {
      arrived = true;
    });
    underWay.socket.write(body.slice(10));
    const answer = await underWay.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer.toLowerCase()).toContain('connection: close');
    await closing;
    expect(arrived).toBe(true);
  });

  it.each([
    ['JSON null', 'null', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['a JSON number', ' 1', 'application/json'],
    ['a form whose payload is null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a form whose payload is a string', 'payload=%22x%22', 'application/x-www-form-urlencoded'],
  ])('answers a signed body that is %s with 400 and keeps serving', async (_, body, contentType) => {
    const { port } = await start();
    const res = await signedPost(port, body, contentType);
    expect(res.status).toBe(400);
    const next = await signedPost(port, commandBody({ text: 'how do I opt out?' }), 'application/x-www-form-urlencoded');
    expect(next.status).toBe(200);
  });
});
