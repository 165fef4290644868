/**
 * npm run bench:broadcast: 500 reminders fall due at once; two app replicas share one PostgreSQL
 * database and send them to a local stand-in for Slack's Web API that answers some posts with 429.
 * Prints delivered, duplicates (must be 0), time and memory; asserts nothing.
 */
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { createSlackApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { Store } from '../src/store/store.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../tests/support/databases.js';
import { FakeSlack } from '../tests/support/fake-slack.js';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 500);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const RATE_LIMITED_SHARE = Number(process.env.BENCH_429_SHARE ?? 0.02);

const fake = await new FakeSlack().start();
// Slack answers in tens of milliseconds, not instantly.
fake.latencyMs = LATENCY_MS;
let rateLimited = 0;

let database: TestDatabase;
let dialect = 'postgres';
try {
  database = await postgresDatabase();
} catch {
  dialect = 'sqlite (PostgreSQL unreachable)';
  database = sqliteDatabase();
}
const now = DateTime.utc();
const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: 'c'.repeat(32),
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: database.url,
});
const kb = loadKnowledgeBase();
const logger = pino({ level: 'error' });
const replicas = await Promise.all(
  (dialect === 'postgres' ? [1, 2] : [1]).map(async () => {
    const store = await Store.open(database.url);
    return { store, ...createSlackApp({ config, kb, store, logger, now: () => DateTime.utc() }) };
  }),
);
const first = replicas[0];
if (!first) throw new Error('no replica');

for (let i = 0; i < REMINDERS; i++) {
  const channel = `C${String(i % CHANNELS).padStart(9, '0')}`;
  await first.deps.reminders.create(
    {
      teamId: 'T1',
      channelId: channel,
      createdBy: 'UADMIN',
      schedule: { kind: 'once', date: now.toISODate() ?? '', time: now.plus({ minutes: 1 }).toFormat('HH:mm') },
      timezone: 'UTC',
      until: null,
      mentionHere: false,
    },
    now,
  );
}
// Make them all due now, as if the minute had come.
await first.store.db.updateTable('reminders').set({ next_run_at: now.toISO() }).execute();

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 50);
fake.reset();
// Some posts are refused the way Slack refuses them, so the sender's 429 handling is measured too.
fake.respond((call) => {
  if (call.method !== 'chat.postMessage' || Math.random() >= RATE_LIMITED_SHARE) return undefined;
  rateLimited++;
  return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
});

const started = performance.now();
const reports = await Promise.all(replicas.map((r) => r.scheduler.tick()));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

// Only posts Slack accepted count: a 429 answer means the message was not posted.
const posts = fake.calledMethods('chat.postMessage').filter((c) => c.ok && String(c.body.blocks ?? '').includes('reminder:'));
const perReminder = new Map<string, number>();
for (const p of posts) {
  const id = /"block_id":"reminder:([^":]+)/.exec(String(p.body.blocks))?.[1] ?? '?';
  perReminder.set(id, (perReminder.get(id) ?? 0) + 1);
}
const duplicates = [...perReminder.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
// The closest two accepted posts in one channel, across both replicas: the pace Slack sees.
const byChannel = new Map<string, number[]>();
for (const p of posts) byChannel.set(String(p.body.channel), [...(byChannel.get(String(p.body.channel)) ?? []), p.at]);
const closest = Math.min(
  ...[...byChannel.values()].flatMap((ts) =>
    ts
      .sort((a, b) => a - b)
      .slice(1)
      .map((t, i) => t - (ts[i] ?? 0)),
  ),
);
const deliveries = await first.deps.reminders.deliveries();
const sentRows = deliveries.filter((d) => d.status === 'sent').length;

console.log(
  `${REMINDERS} reminders due at once in ${CHANNELS} channels; ${replicas.length} replica(s) on ${dialect}; stand-in Slack answering in ${LATENCY_MS} ms; ${Math.round(RATE_LIMITED_SHARE * 100)}% of posts answered 429 (Retry-After 1 s)`,
);
console.log(
  `Delivered: ${perReminder.size} of ${REMINDERS} (delivery rows 'sent': ${sentRows}); duplicates: ${duplicates}; 429s waited out: ${rateLimited}`,
);
console.log(
  `Per replica: ${reports.map((r, i) => `#${i + 1} sent ${r.sent}, already claimed by the other ${r.alreadyClaimed}, failed ${r.failed}`).join('; ')}`,
);
console.log(`Closest two posts in one channel: ${closest} ms apart (pace: one a channel per 1100 ms, shared by the replicas through the database)`);
console.log(
  `Time: ${seconds.toFixed(2)} s (Slack's pace of one message a second per channel makes ${Math.ceil(REMINDERS / CHANNELS)} posts a channel take at least ${(Math.ceil(REMINDERS / CHANNELS) - 1) * 1.1} s)`,
);
console.log(`Memory: peak RSS ${(peakRss / 1048576).toFixed(0)} MiB, peak heap ${(peakHeap / 1048576).toFixed(0)} MiB`);

for (const r of replicas) await r.store.close();
await database.drop();
await fake.stop();
