/**
 * npm run bench:http: signed /linkedin-ai requests under load against the real app and against a
 * minimal Bolt app that acks the same card, made in advance, in one run on this machine. Both servers run in their
 * own processes; autocannon drives them from this one. Prints throughput and latency; asserts nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { FakeSlack } from '../tests/support/fake-slack.js';
import { benchQuestions } from './questions.js';

const SECRET = 'b'.repeat(32);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = 2;

const questions = benchQuestions;

const fake = await new FakeSlack().start();
const env = {
  ...process.env,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: fake.apiUrl,
  SLACK_APP_TOKEN: '',
  LOG_LEVEL: 'warn',
};

function startServer(script: string): Promise<{ child: ChildProcess; port: number }> {
  // Node itself with tsx's loader (not the tsx wrapper, which would be a process in between): the
  // child's pid is the server's, whose CPU time is read below.
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve({ child, port: Number(String(d).trim()) }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

let n = 0;
function signedCommand(): { body: string; headers: Record<string, string> } {
  const q = questions[n++ % questions.length] ?? 'how do I opt out?';
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/linkedin-ai',
    text: q,
    response_url: `${fake.hooksUrl}c`,
    trigger_id: '1.2.3',
    api_app_id: 'A1',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
  };
}

/** The process's CPU time so far in microseconds (Linux; null elsewhere): less swayed by a busy machine than req/s. */
function cpuMicros(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1e6 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;

async function load(port: number, seconds: number, pid?: number) {
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...signedCommand() }) }],
  });
  const cpuAfter = cpuMicros(pid);
  return {
    cpuPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

const app = await startServer('./servers/app-server.ts');
const minimal = await startServer('./servers/minimal-server.ts');
try {
  await load(app.port, 2); // warm-up: JIT, auth.test, caches
  await load(minimal.port, 2);
  const results: Record<'app' | 'minimal', Awaited<ReturnType<typeof load>>[]> = { app: [], minimal: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.app.push(await load(app.port, DURATION, app.child.pid));
    results.minimal.push(await load(minimal.port, DURATION, minimal.child.pid));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const line = (name: string, rs: Awaited<ReturnType<typeof load>>[]) =>
    `${name.padEnd(12)} ${mean(rs.map((r) => r.rps))
      .toFixed(0)
      .padStart(
        6,
      )} req/s   p50 ${Math.max(...rs.map((r) => r.p50))} ms   p99 ${Math.max(...rs.map((r) => r.p99))} ms   non-2xx ${rs.reduce((a, r) => a + r.non2xx, 0)}   errors ${rs.reduce((a, r) => a + r.errors, 0)}   (${rs.reduce((a, r) => a + r.total, 0)} requests)`;
  console.log(`Signed /linkedin-ai commands, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s each, alternating; Node ${process.version}`);
  console.log(line('this app', results.app));
  console.log(line('minimal Bolt', results.minimal));
  const ratio = mean(results.app.map((r) => r.rps)) / mean(results.minimal.map((r) => r.rps));
  console.log(`Throughput ratio: ${ratio.toFixed(2)}× the minimal app (target ≥ 0.9×); p99 target < 100 ms`);
  const cpu = (rs: Awaited<ReturnType<typeof load>>[]) => mean(rs.map((r) => r.cpuPerRequest ?? Number.NaN));
  if (!Number.isNaN(cpu(results.app)) && !Number.isNaN(cpu(results.minimal))) {
    console.log(
      `CPU time per request: this app ${cpu(results.app).toFixed(0)} µs, minimal ${cpu(results.minimal).toFixed(0)} µs (${(cpu(results.minimal) / cpu(results.app)).toFixed(2)}× the minimal app's rate)`,
    );
  }
} finally {
  app.child.kill('SIGTERM');
  minimal.child.kill('SIGTERM');
  await fake.stop();
}
