/**
 * npm run bench:memory: the app's resident memory (RSS) as the production build runs it (`node
 * dist/main.js`, run `npm run build` first): idle, under signed load, and while strangers hold many
 * connections with large unsigned bodies and stall. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { FakeSlack } from '../tests/support/fake-slack.js';

const SECRET = 'c'.repeat(32);
const PORT = 41000 + Math.floor(Math.random() * 1000);
const STRANGERS = Number(process.env.BENCH_STRANGERS ?? 100);
const STRANGER_BODY = Math.floor(3.9 * 1024 * 1024);

const fake = await new FakeSlack().start();
const child = spawn(process.execPath, [fileURLToPath(new URL('../dist/main.js', import.meta.url))], {
  cwd: mkdtempSync(join(tmpdir(), 'bench-memory-')),
  env: {
    PATH: process.env.PATH,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(PORT),
    LOG_LEVEL: 'error',
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'bench-db-')), 'b.sqlite')}`,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

async function peakWhile<T>(work: Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 250);
  const result = await work;
  clearInterval(timer);
  return { result, peak: Math.max(peak, rssMb()) };
}

function signedCommand(text: string) {
  const body = new URLSearchParams({ team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/linkedin-ai', text, response_url: `${fake.hooksUrl}c` }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } };
}

try {
  while (!(await fetch(`${base}/healthz`).catch(() => null))?.ok) await sleep(200);
  await sleep(3000);
  const idle = rssMb();

  let n = 0;
  const load = await peakWhile(
    autocannon({
      url: `${base}/slack/events`,
      method: 'POST',
      connections: 20,
      duration: 10,
      requests: [{ setupRequest: (req) => ({ ...req, ...signedCommand(`question ${n++} about my data in Germany`) }) }],
    }),
  );
  await sleep(2000);
  const before = rssMb();

  // Strangers: a forged signature, a current timestamp, a 3.9 MB body sent almost whole, then silence.
  const sockets: Socket[] = [];
  let closed = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  for (let i = 0; i < STRANGERS; i++) {
    const socket = connect(PORT, '127.0.0.1');
    socket.on('error', () => undefined).on('close', () => closed++);
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${STRANGER_BODY}\r\nX-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n\r\n`,
    );
    for (let sent = 0; sent + chunk.length < STRANGER_BODY - 1024; sent += chunk.length) socket.write(chunk);
    sockets.push(socket);
  }
  const attack = await peakWhile(sleep(15_000));
  const open = STRANGERS - closed;
  const health = await fetch(`${base}/healthz`).then((r) => r.status).catch(() => 'no answer');
  for (const s of sockets) s.destroy();

  console.log(`RSS idle ${idle} MB`);
  console.log(`RSS under load (20 connections, 10 s, ${load.result.requests.average.toFixed(0)} req/s, non-2xx ${load.result.non2xx}): peak ${load.peak} MB`);
  console.log(`${STRANGERS} strangers with stalled 3.9 MB bodies: RSS ${before} → peak ${attack.peak} MB; ${open} of their connections still open after 15 s; /healthz ${health}`);
} finally {
  child.kill('SIGKILL');
  await fake.stop();
}
