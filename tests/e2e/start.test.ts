import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.js';
import { FakeSocketMode } from '../support/fake-socket.js';
import { commandBody, slackSignature } from '../support/signing.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = join(root, 'dist/main.js');
const SECRET = 'a'.repeat(32);
const execFileAsync = promisify(execFile);

/** Runs a command to completion; a failure reports its whole output (tsc writes its errors to stdout). */
async function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; shell?: boolean }): Promise<void> {
  try {
    await execFileAsync(file, args, options);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/**
 * The app as it runs in production: the compiled build, real Node ESM loading, real signals. Started
 * as `node dist/main.js`, and once as `npm start` (which `exec`s it, so that npm's SIGTERM reaches it).
 */
describe('npm start (HTTP mode)', () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'start-test-'));
  const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir });
  beforeAll(async () => {
    // What production runs: `npm run build`, then `node dist/main.js`.
    await run('npm', ['run', 'build'], { cwd: root, shell: process.platform === 'win32' });
    // The compiled engine has its own model-cache key (its .js files, not the .ts ones the global setup
    // trained with): train it here, with the app's environment, not inside a test's start-up deadline.
    await run(process.execPath, [join(root, 'dist/cli/ask.js'), 'how do I opt out?'], { cwd: dir, env: baseEnv() });
    await fake.start();
  }, 180_000);
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(env: Record<string, string>, nodeArgs: string[] = []) {
    const child = spawn(process.execPath, [...nodeArgs, main], {
      cwd: dir,
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  }

  const httpEnv = (port: number, extra: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: 'xoxb-start-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, `app-${port}.sqlite`)}`,
    SHUTDOWN_DRAIN_SECONDS: '0.2',
    ...extra,
  });
  const freePort = () => 38000 + Math.floor(Math.random() * 4000);

  async function untilServing(base: string, app: { output: () => string; exited: Promise<unknown> }): Promise<void> {
    let exited = false;
    void app.exited.then(() => (exited = true));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !exited) {
      if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the app did not start:\n${app.output()}`);
  }

  const signedPost = (base: string, body: string, contentType: string) =>
    fetch(`${base}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...slackSignature(SECRET, body) } });

  it('serves /healthz and signed commands, then stops cleanly on SIGTERM', async () => {
    const port = 38000 + Math.floor(Math.random() * 2000);
    const app = start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`,
      REMINDER_POLL_SECONDS: '5',
      SHUTDOWN_DRAIN_SECONDS: '0.2',
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    let health: Response | null = null;
    while (!health && Date.now() < deadline) {
      health = await fetch(`${base}/healthz`).catch(() => null);
      if (!health) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status, app.output()).toBe(200);
    expect(await health?.json()).toEqual({ ok: true });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, mode: 'http', database: 'ok' });

    const body = commandBody({ text: 'how do I opt out?' });
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SECRET, body) },
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('"block_id":"next:opt-out-how"');

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('"msg":"stopped"');
    expect(app.output()).not.toContain('xoxb-start-test');
  });

  it('passes SIGTERM on when run as `npm start`: the app drains, stops and exits 0, and npm with it', async () => {
    const port = freePort();
    const npm = spawn('npm', ['start', '--silent'], { cwd: root, env: { ...baseEnv(), ...httpEnv(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for (const stream of [npm.stdout, npm.stderr]) stream.on('data', (d: Buffer) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    await untilServing(base, { output: () => out, exited });
    npm.kill('SIGTERM');
    expect(await exited, out).toBe(0);
    expect(out).toContain('"msg":"stopped"');
    // Nothing left listening: the app itself stopped, not only npm.
    expect(await fetch(`${base}/healthz`).catch(() => null)).toBeNull();
  });

  it('in Socket Mode: serves /healthz on HEALTH_PORT, and exits 1 once the connection to Slack stays down', async () => {
    const socketMode = await new FakeSocketMode().start();
    fake.respond((call) => (call.method === 'apps.connections.open' ? { body: { ok: true, url: socketMode.url } } : undefined));
    const healthPort = freePort();
    const base = `http://127.0.0.1:${healthPort}`;
    const app = start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_APP_TOKEN: 'xapp-1-start-test',
      SLACK_API_URL: fake.apiUrl,
      HEALTH_PORT: String(healthPort),
      DATABASE_URL: `sqlite:${join(dir, 'socket.sqlite')}`,
      SOCKET_MAX_DOWN_SECONDS: '10',
    });
    try {
      await untilServing(base, app);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, mode: 'socket', database: 'ok' });
      expect(socketMode.connections).toBe(1);
      // A brief drop: the client reconnects by itself and the app carries on.
      socketMode.drop();
      while (socketMode.connections < 2) await new Promise((r) => setTimeout(r, 50));
      expect(app.child.exitCode).toBeNull();
      // Gone for good: every reconnection is turned away until the watchdog gives up.
      socketMode.refuse = true;
      socketMode.drop();
      expect(await app.exited, app.output()).toBe(1);
      expect(app.output()).toContain('the connection to Slack stayed down too long');
      expect(app.output()).not.toContain('xapp-1-start-test');
    } finally {
      app.child.kill('SIGKILL');
      await socketMode.stop();
    }
  }, 60_000);

  it('refuses to start with a missing setting, naming it, without a stack trace', async () => {
    const app = start({ SLACK_BOT_TOKEN: 'not-a-token', DATABASE_URL: `sqlite:${join(dir, 'x.sqlite')}` });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(app.output()).toContain('SLACK_SIGNING_SECRET is missing');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses to start with a token Slack rejects, saying so', async () => {
    fake.respond((call) => (call.method === 'auth.test' ? { body: { ok: false, error: 'invalid_auth' } } : undefined));
    const app = start({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(40000 + Math.floor(Math.random() * 2000)),
      DATABASE_URL: `sqlite:${join(dir, 'y.sqlite')}`,
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('Slack did not accept the bot token (invalid_auth)');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('answers a signed null body with 400 and keeps serving; an unhandled rejection is logged, masked, and not fatal', async () => {
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    // A library's stray rejection, on demand: what Bolt's receiver did with a signed `null` body.
    const stray = `data:text/javascript,process.on('SIGUSR2', () => Promise.reject(new Error('stray xoxb-start-test')))`;
    const app = start(httpEnv(port), ['--import', stray]);
    await untilServing(base, app);
    expect((await signedPost(base, 'null', 'application/json')).status).toBe(400);
    expect((await signedPost(base, 'payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    app.child.kill('SIGUSR2');
    while (!app.output().includes('nobody handled it')) await new Promise((r) => setTimeout(r, 50));
    expect((await signedPost(base, commandBody({ text: 'how do I opt out?' }), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(app.output()).not.toContain('xoxb-start-test');
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('keeps serving and shuts down cleanly after the reader of its output has gone (EPIPE)', async () => {
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = start(httpEnv(port));
    await untilServing(base, app);
    app.child.stdout.destroy();
    // Each of these writes a log line into the broken pipe.
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 40_000);

  it('names DATABASE_URL, without its password, when the database refuses the connection', async () => {
    const app = start(httpEnv(freePort(), { DATABASE_URL: 'postgres://bot:pw-start-secret@127.0.0.1:1/app' }));
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('could not connect to the PostgreSQL database in DATABASE_URL (postgres://bot:***@127.0.0.1:1/app)');
    expect(app.output()).toContain('ECONNREFUSED');
    expect(app.output()).not.toContain('pw-start-secret');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('names the SQLite path and DATABASE_URL when the file cannot be created', async () => {
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, '');
    const app = start(httpEnv(freePort(), { DATABASE_URL: `sqlite:${notAFolder}/app.sqlite` }));
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`could not open its SQLite database file ${notAFolder}/app.sqlite (DATABASE_URL=sqlite:${notAFolder}/app.sqlite)`);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });
});
