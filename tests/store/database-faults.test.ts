import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, encodeButtonValue } from '../../src/blocks/actions.js';
import { POSTGRES_ADMIN_URL, postgresDatabase, type TestDatabase } from '../support/databases.js';
import { appMention, buttonClick, createHarness, type Harness, mockResponseUrl, mockSlackApi } from '../support/slack-in-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// The reliability review (December 2026): with Postgres paused, every mention waited for the database
// (answers 2.6–20.3 s late); answers need no database, so they must keep flowing within 3 s.

describe('answers while PostgreSQL is in trouble', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let h: Harness;

  beforeAll(async () => {
    nock.disableNetConnect();
    database = await postgresDatabase();
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(database.url);
    url.port = String(proxy.port);
    h = await createHarness({ databaseUrl: url.toString() });
  });

  afterEach(() => {
    proxy.heal();
    nock.cleanAll();
  });

  afterAll(async () => {
    await h.close();
    await proxy.close();
    await database.drop();
    nock.enableNetConnect();
  });

  it.each([
    ['hangs (paused server, black-holed network)', () => proxy.hang()],
    ['is stopped', () => proxy.refuse()],
  ])('answers a mention within 3 s when the database %s', async (_name, fault) => {
    fault();
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const started = performance.now();
    await h.deliver(appMention('<@UBOT> how do I opt out?'));
    expect(post.calls).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(h.logs.some((l) => l.msg === 'could not record the event id; answering anyway')).toBe(true);
  });

  it('tells the person their 👍 could not be saved, instead of failing silently, while the database is stopped', async () => {
    proxy.refuse();
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.feedbackUp, { value: encodeButtonValue({ topic: 'minors' }), element: 'feedback_buttons' }));
    expect(String(reply.posts[0]?.text)).toMatch(/couldn't save/);
  });
});
