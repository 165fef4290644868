import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/reminders.js';
import { runAsProcess, runInProcess } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'reminders-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let databaseUrl = '';
let n = 0;
beforeEach(() => {
  databaseUrl = `sqlite:${join(dir, `r${++n}.sqlite`)}`;
});

function cli(...args: string[]) {
  return runInProcess(run, args, { env: { DATABASE_URL: databaseUrl } });
}

interface Listed {
  id: string;
  channel: string;
  status: string;
  nextRunAt: string | null;
  lastError: string | null;
  [key: string]: unknown;
}

async function list(): Promise<Listed[]> {
  const r = await cli('list', '--json');
  expect(r.code, r.stderr).toBe(0);
  const parsed = JSON.parse(r.stdout) as unknown;
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as Listed[];
}

// Far enough ahead that "now" (when the tests run) is before it: Saturday 8 March 2031.
const AT = '2031-03-08T09:00';

describe('npm run reminders', () => {
  it('add, list --json, pause, resume, remove', async () => {
    expect(DateTime.fromISO(AT, { zone: 'Europe/Berlin' }).weekdayLong).toBe('Saturday');
    const added = await cli('add', '--channel', 'C0123456789', '--at', AT, '--every', 'weekdays', '--tz', 'Europe/Berlin');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/every weekday at 09:00 \(Europe\/Berlin\)/);

    const [r, ...more] = await list();
    expect(more).toEqual([]);
    if (!r) throw new Error('nothing listed');
    expect(r).toMatchObject({ channel: 'C0123456789', status: 'active', lastError: null, timezone: 'Europe/Berlin' });
    expect(r.id).toMatch(/^r[0-9a-f]+$/);
    // The first weekday 09:00 Berlin at or after --at: Monday 10 March 2031, 09:00 CET = 08:00 UTC.
    expect(r.nextRunAt).toBe('2031-03-10T08:00:00.000Z');
    expect(added.stdout).toContain(r.id);

    const paused = await cli('pause', r.id);
    expect(paused.code, paused.stderr).toBe(0);
    expect((await list())[0]).toMatchObject({ id: r.id, status: 'paused' });

    const resumed = await cli('resume', r.id);
    expect(resumed.code, resumed.stderr).toBe(0);
    const back = (await list())[0];
    expect(back).toMatchObject({ id: r.id, status: 'active', lastError: null });
    // Resumed from now: the next run is a weekday 09:00 in Berlin.
    const next = DateTime.fromISO(back?.nextRunAt ?? '', { zone: 'Europe/Berlin' });
    expect(next.isValid).toBe(true);
    expect([next.weekday <= 5, next.hour, next.minute]).toEqual([true, 9, 0]);

    const removed = await cli('remove', r.id);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed ${r.id}`);
    expect(await list()).toEqual([]);
  });

  it('--at exactly on a matching time is the first run; a one-off without --every; --json on add', async () => {
    const weekly = await cli('add', '--channel', 'C0123456789', '--at', '2031-03-10T09:00', '--every', 'weekly', '--tz', 'Europe/Berlin', '--json');
    expect(weekly.code, weekly.stderr).toBe(0);
    expect(JSON.parse(weekly.stdout)).toMatchObject({ nextRunAt: '2031-03-10T08:00:00.000Z', schedule: 'every Monday at 09:00 (Europe/Berlin)' });
    const once = await cli('add', '--channel', 'G0123456789', '--at', '2031-03-10T17:30', '--here', '--json');
    expect(once.code, once.stderr).toBe(0);
    expect(JSON.parse(once.stdout)).toMatchObject({
      channel: 'G0123456789',
      nextRunAt: '2031-03-10T17:30:00.000Z',
      mentionHere: true,
      timezone: 'UTC',
    });
    expect(await list()).toHaveLength(2);
  });

  it('add says when @here pings: on the first post only', async () => {
    const here = await cli('add', '--channel', 'C0123456789', '--at', '2031-03-10T09:00', '--every', 'weekly', '--until', '2031-06-30', '--here');
    expect(here.code, here.stderr).toBe(0);
    expect(here.stdout).toContain('@here on the first post only');
    const quiet = await cli('add', '--channel', 'C0123456789', '--at', '2031-03-10T09:00', '--every', 'weekly');
    expect(quiet.stdout).not.toContain('@here');
  });

  it('a one-off already past is refused', async () => {
    const r = await cli('add', '--channel', 'C0123456789', '--at', '2020-01-01T09:00');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no time left to run/);
    expect(await list()).toEqual([]);
  });

  it.each([
    ['a bad --at', ['--channel', 'C0123456789', '--at', 'tomorrow'], /--at "tomorrow" is not an ISO 8601 time/],
    ['an impossible --at', ['--channel', 'C0123456789', '--at', '2031-02-30T09:00'], /--at "2031-02-30T09:00" is not an ISO 8601 time/],
    ['a missing --at', ['--channel', 'C0123456789'], /--at "" is not an ISO 8601 time/],
    ['a bad --tz', ['--channel', 'C0123456789', '--at', AT, '--tz', 'Mars/Base'], /--tz "Mars\/Base" is not a time zone/],
    ['a bad --every', ['--channel', 'C0123456789', '--at', AT, '--every', 'hourly'], /--every "hourly" must be daily, weekdays or weekly/],
    ['a bad --channel', ['--channel', 'general', '--at', AT], /--channel "general" is not a Slack channel id/],
    ['a #name --channel', ['--channel', '#general', '--at', AT], /--channel "#general" is not a Slack channel id/],
    ['a bad --until', ['--channel', 'C0123456789', '--at', AT, '--every', 'daily', '--until', 'never'], /--until "never" is not an ISO 8601 date/],
  ])('add with %s exits non-zero naming the problem, without a stack trace', async (_name, args, message) => {
    const r = await cli('add', ...args);
    // An exit code, not a crash: run() resolved to a non-zero number.
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await list()).toEqual([]);
  });

  it('pause, resume and remove of an unknown id, or without one, fail with a message', async () => {
    for (const command of ['pause', 'resume', 'remove']) {
      const unknown = await cli(command, 'rnope');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('There is no reminder rnope.');
      const missing = await cli(command);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain(`${command} needs a reminder id`);
    }
  });

  it('an unknown command fails with the usage', async () => {
    const r = await cli('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    expect(r.stderr).toContain('Usage:');
  });

  it('as a script, exits 2 with the usage on the real standard output when given no command', () => {
    const r = runAsProcess('reminders.ts', [], { DATABASE_URL: databaseUrl });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: npm run reminders -- COMMAND/);
    expect(r.stderr).toBe('');
  });
});
