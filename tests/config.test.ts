import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const BOT_TOKEN = 'xoxb-123-456-abc';
const SIGNING_SECRET = '0123456789abcdef0123456789ABCDEF';
/** The least that starts the app in HTTP mode. */
const valid = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };

const dir = mkdtempSync(join(tmpdir(), 'config-test-'));
const file = join(dir, 'not-a-directory.txt');
writeFileSync(file, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems loadConfig reports for `env`; fails the test if it accepts it. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('accepts the least an HTTP-mode app needs and fills in the defaults', () => {
    expect(loadConfig(valid)).toEqual({
      ...valid,
      SLACK_API_URL: 'https://slack.com/api/',
      PORT: 3000,
      DATABASE_URL: 'sqlite:./data/linkedin-ai.sqlite',
      LOG_LEVEL: 'info',
      ADMIN_USER_IDS: [],
      REMINDER_POLL_SECONDS: 30,
      SOCKET_MAX_DOWN_SECONDS: 300,
      SHUTDOWN_DRAIN_SECONDS: 5,
    });
  });

  it('reads every setting, ignoring variables that are not its own', () => {
    const config = loadConfig({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1-A0-xyz',
      SLACK_API_URL: 'https://slack-gov.com/api',
      PORT: '8080',
      DATABASE_URL: 'postgres://bot:pw@db:5432/bot',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_DIR: dir,
      ADMIN_USER_IDS: ' U012ABCDEF, W0FEDCBA ,',
      REMINDER_POLL_SECONDS: '5',
      HEALTH_PORT: '9090',
      SOCKET_MAX_DOWN_SECONDS: '60',
      SHUTDOWN_DRAIN_SECONDS: '0',
      PATH: '/usr/bin',
    });
    expect(config).toEqual({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1-A0-xyz',
      SLACK_API_URL: 'https://slack-gov.com/api/',
      PORT: 8080,
      DATABASE_URL: 'postgres://bot:pw@db:5432/bot',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_DIR: dir,
      ADMIN_USER_IDS: ['U012ABCDEF', 'W0FEDCBA'],
      REMINDER_POLL_SECONDS: 5,
      HEALTH_PORT: 9090,
      SOCKET_MAX_DOWN_SECONDS: 60,
      SHUTDOWN_DRAIN_SECONDS: 0,
    });
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: undefined }, 'SLACK_BOT_TOKEN is missing: the Bot User OAuth Token (xoxb-…)'],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-123-456-abc' }, 'SLACK_BOT_TOKEN must start with xoxb-: the Bot User OAuth Token (xoxb-…)'],
    [
      'SLACK_SIGNING_SECRET',
      { SLACK_SIGNING_SECRET: 'not-hex-and-too-short' },
      'SLACK_SIGNING_SECRET must be 32 hexadecimal characters: api.slack.com/apps',
    ],
    ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: 'xoxb-1-2' }, 'SLACK_APP_TOKEN must start with xapp-: an app-level token (xapp-…)'],
    ['SLACK_API_URL', { SLACK_API_URL: 'ftp://slack.com/api/' }, 'SLACK_API_URL must be an http(s) address: the Web API base address'],
    ['SLACK_API_URL', { SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL must be an http(s) address: the Web API base address'],
    ['PORT', { PORT: 'eighty' }, 'PORT must be a number: the HTTP port to listen on, 1–65535 (default 3000)'],
    ['PORT', { PORT: '80.5' }, 'PORT must be a whole number: the HTTP port to listen on, 1–65535 (default 3000)'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/bot' }, 'DATABASE_URL must be sqlite:PATH or postgres://…: sqlite:PATH (default'],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be debug, info, warn or error: one of debug, info, warn, error (default info)'],
    [
      'KNOWLEDGE_DIR',
      { KNOWLEDGE_DIR: join(dir, 'missing') },
      "KNOWLEDGE_DIR is not a directory: a directory with your organisation's knowledge-base layer",
    ],
    ['KNOWLEDGE_DIR', { KNOWLEDGE_DIR: file }, "KNOWLEDGE_DIR is not a directory: a directory with your organisation's knowledge-base layer"],
    [
      'ADMIN_USER_IDS',
      { ADMIN_USER_IDS: 'U012ABCDEF,@alice' },
      'ADMIN_USER_IDS must be Slack user ids such as U012ABCDEF: comma-separated Slack user ids',
    ],
    [
      'REMINDER_POLL_SECONDS',
      { REMINDER_POLL_SECONDS: 'often' },
      'REMINDER_POLL_SECONDS must be a number: how often to look for due reminders, in seconds, 5–3600',
    ],
  ])('reports a bad %s as the one problem, saying where to get it: %j', (_name, change, message) => {
    const found = problems({ ...valid, ...change });
    expect(found).toHaveLength(1);
    expect(found[0]?.slice(0, message.length)).toBe(message);
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['REMINDER_POLL_SECONDS', '4'],
    ['REMINDER_POLL_SECONDS', '3601'],
    ['REMINDER_POLL_SECONDS', '7.5'],
    ['HEALTH_PORT', '0'],
    ['SOCKET_MAX_DOWN_SECONDS', '5'],
    ['SHUTDOWN_DRAIN_SECONDS', '61'],
  ])('refuses %s=%s, naming the setting and its range', (name, value) => {
    const found = problems({ ...valid, [name]: value });
    expect(found).toHaveLength(1);
    const range = { PORT: '1–65535', HEALTH_PORT: '1–65535', SOCKET_MAX_DOWN_SECONDS: '10–3600', SHUTDOWN_DRAIN_SECONDS: '0–60' }[name] ?? '5–3600';
    expect(found[0]).toMatch(new RegExp(`^${name} .*: .*${range}`));
  });

  it('treats an empty value (FOO= in a .env file) as not set', () => {
    expect(problems({ ...valid, SLACK_BOT_TOKEN: '' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing: /)]);
    expect(loadConfig({ ...valid, PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('names bad admin ids once, however many there are', () => {
    expect(problems({ ...valid, ADMIN_USER_IDS: 'alice,bob,U012ABCDEF,carol' })).toEqual([
      expect.stringMatching(/^ADMIN_USER_IDS must be Slack user ids/),
    ]);
  });

  describe('the signing secret, needed unless Socket Mode has an app token', () => {
    it('is required in HTTP mode (no SLACK_APP_TOKEN)', () => {
      expect(problems({ SLACK_BOT_TOKEN: BOT_TOKEN })).toEqual([
        'SLACK_SIGNING_SECRET is missing (needed in HTTP mode, that is without SLACK_APP_TOKEN): api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret',
      ]);
      expect(problems({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' })).toEqual([
        expect.stringMatching(/^SLACK_SIGNING_SECRET is missing \(needed in HTTP mode/),
      ]);
    });

    it('may be left out in Socket Mode', () => {
      expect(loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A0-xyz' })).toMatchObject({ SLACK_APP_TOKEN: 'xapp-1-A0-xyz' });
    });

    it('is not asked for when an app token is given, even a malformed one: the problem is then its form', () => {
      expect(problems({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-1-2' })).toEqual([
        expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp-/),
      ]);
    });
  });

  it('reports every problem at once, in one message that says how many', () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'nope', PORT: 'x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, problems: found } = error as ConfigError;
    expect(found).toHaveLength(4);
    expect(found.map((p) => p.split(' ')[0])).toEqual(['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET']);
    expect(message.split('\n')).toEqual([
      'The app cannot start: 4 settings are missing or wrong.',
      ...found.map((p) => `  - ${p}`),
      'Put them in the environment or in a .env file (see .env.example).',
    ]);
  });

  it('says "1 setting is" for a single problem', () => {
    expect(() => loadConfig({ ...valid, LOG_LEVEL: 'loud' })).toThrow(/^The app cannot start: 1 setting is missing or wrong\.\n/);
  });
});
