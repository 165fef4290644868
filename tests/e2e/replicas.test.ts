import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReminderStore } from '../../src/reminders/reminder-store.js';
import { Store } from '../../src/store/store.js';
import { newReminder, toPost } from '../reminders/helpers.js';
import { postgresDatabase, type TestDatabase } from '../support/databases.js';
import { type FakeReply, FakeSlack } from '../support/fake-slack.js';

/**
 * Two real app processes (`node --import tsx src/main.ts`, real signals) share one PostgreSQL
 * database and send a 30-reminder broadcast (3 channels × 10, Slack's real pace of one message per
 * 1.1 s per channel) to the stand-in Slack; one of them is killed or stopped in the middle of it.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const CHANNELS = ['C0WAVE0001', 'C0WAVE0002', 'C0WAVE0003'];
const PER_CHANNEL = 10;

interface Replica {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; at: number }>;
  port: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two replicas on one PostgreSQL database, one stopped in the middle of a broadcast', () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'replicas-test-'));
  let database: TestDatabase;
  let store: Store;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    await fake.start();
  });
  afterEach(async () => {
    for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => r.exited));
    replicas = [];
    await store?.close();
    await database?.drop();
    fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<Replica> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/main.ts')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        SLACK_BOT_TOKEN: 'xoxb-replicas-test',
        SLACK_SIGNING_SECRET: 'b'.repeat(32),
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATABASE_URL: database.url,
        REMINDER_POLL_SECONDS: '5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += String(d)));
    child.stderr?.on('data', (d: Buffer) => (out += String(d)));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
    const replica = { child, output: () => out, exited, port };
    replicas.push(replica);
    return replica;
  }

  /** 30 reminders due now, in a fresh database of this test's own. */
  async function broadcast(): Promise<string[]> {
    database = await postgresDatabase();
    store = await Store.open(database.url);
    const reminders = new ReminderStore(store.db);
    const now = DateTime.utc();
    const ids: string[] = [];
    for (const channelId of CHANNELS)
      for (let i = 0; i < PER_CHANNEL; i++) ids.push((await reminders.create(newReminder({ channelId }), now)).id);
    await store.db.updateTable('reminders').set({ next_run_at: now.toISO() }).execute();
    return ids;
  }

  /** Whose claim a post is: the 'sending' row's instance id carries the replica's pid. */
  async function claimedBy(reminderId: string): Promise<string | undefined> {
    const row = await store.db
      .selectFrom('reminder_deliveries')
      .select('instance_id')
      .where('reminder_id', '=', reminderId)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return row?.instance_id;
  }
  const rowsOf = async (pid: number | undefined, status: 'sent' | 'sending') =>
    (await store.db.selectFrom('reminder_deliveries').selectAll().where('status', '=', status).execute()).filter((d) =>
      d.instance_id.includes(`-${pid}-`),
    );

  /** Reminder id → posts Slack accepted. */
  function postsPerReminder(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of fake.calledMethods('chat.postMessage').filter((c) => c.ok)) {
      const id = toPost(call).reminderId;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Holds the first post of replica `a` that comes after it has sent two and `b` is checking too,
   * runs `hit` (kill or stop `a`), then answers it with `answer`.
   */
  function interruptMidBroadcast(a: Replica, b: Replica, hit: () => Promise<void>, answer: () => FakeReply | undefined): Promise<void> {
    let done = false;
    return new Promise((resolve, reject) => {
      fake.respond(async (call) => {
        if (done || call.method !== 'chat.postMessage') return undefined;
        const id = toPost(call).reminderId as string;
        const ready = b.output().includes('checking for due reminders') && (await rowsOf(a.child.pid, 'sent')).length >= 2;
        if (done || !ready || !(await claimedBy(id))?.includes(`-${a.child.pid}-`)) return undefined;
        done = true;
        await hit().then(resolve, reject);
        return answer();
      });
    });
  }

  it('kill -9 of one replica in the middle: every occurrence posted at most once, at most the one in the air lost', async () => {
    const ids = await broadcast();
    const a = await start();
    const b = await start();
    // The kill lands while one of a's posts is at Slack, which then fails to take it: the worst case.
    const killed = interruptMidBroadcast(
      a,
      b,
      async () => {
        a.child.kill('SIGKILL');
        await a.exited;
      },
      () => ({ status: 500, body: { ok: false, error: 'internal_error' } }),
    );
    await until(() => fake.calledMethods('chat.postMessage').length > 0, 'a first post', 30_000);
    await killed;
    // b goes on until every occurrence has been claimed and its own are all recorded.
    await until(async () => {
      const rows = await store.db.selectFrom('reminder_deliveries').select(['instance_id', 'status']).execute();
      return rows.length === ids.length && rows.every((r) => r.status === 'sent' || r.instance_id.includes(`-${a.child.pid}-`));
    }, 'b finishing the broadcast');

    const posts = postsPerReminder();
    const twice = [...posts.values()].filter((n) => n > 1).length;
    const lost = ids.filter((id) => !posts.has(id));
    console.log(`kill -9: ${posts.size} of ${ids.length} posted, ${lost.length} lost, ${twice} posted twice`);
    expect(twice).toBe(0);
    expect(lost.length).toBeLessThanOrEqual(1);
    // What is lost is the claim a held when it died, never anything b could still send.
    const left = await rowsOf(a.child.pid, 'sending');
    expect(left.length).toBeLessThanOrEqual(1);
    expect(lost).toEqual(left.map((d) => d.reminder_id));
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  }, 60_000);

  it('SIGTERM to one replica in the middle: none lost, none twice, it reports not ready at once and exits 0 within 30 s', async () => {
    const ids = await broadcast();
    const a = await start();
    const b = await start();
    let stoppedAt = 0;
    let healthWhileDraining: number | string = '';
    // While a's post is in the air a shuts down: it must let that post finish, claim nothing more,
    // and already tell the load balancer it is going (/readyz 503) while it drains.
    const stopped = interruptMidBroadcast(
      a,
      b,
      async () => {
        stoppedAt = Date.now();
        a.child.kill('SIGTERM');
        await until(() => a.output().includes('shutting down'), 'a shutting down', 10_000);
        healthWhileDraining = await fetch(`http://127.0.0.1:${a.port}/readyz`).then(
          (r) => r.status,
          (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
        );
      },
      () => undefined,
    );
    await until(() => fake.calledMethods('chat.postMessage').length > 0, 'a first post', 30_000);
    await stopped;
    const { code, at } = await a.exited;
    await until(async () => {
      const rows = await store.db.selectFrom('reminder_deliveries').select('status').execute();
      return rows.length === ids.length && rows.every((r) => r.status === 'sent');
    }, 'every occurrence sent and recorded');

    const posts = postsPerReminder();
    const aSent = await rowsOf(a.child.pid, 'sent');
    const afterStop = aSent.filter((d) => Date.parse(d.claimed_at) > stoppedAt);
    console.log(
      `SIGTERM: exit code ${code} after ${at - stoppedAt} ms; ${posts.size} of ${ids.length} posted (a ${aSent.length}), ${ids.length - posts.size} lost, ${[...posts.values()].filter((n) => n > 1).length} twice; /readyz while draining: ${healthWhileDraining}`,
    );
    expect(code).toBe(0);
    expect(at - stoppedAt).toBeLessThan(30_000);
    expect(a.output()).toContain('"msg":"stopped"');
    expect(healthWhileDraining).toBe(503);
    expect([...posts.keys()].sort()).toEqual([...ids].sort());
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    // Nothing was claimed by a once it had been told to stop.
    expect(afterStop).toEqual([]);
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  }, 60_000);
});
