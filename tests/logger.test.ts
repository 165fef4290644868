import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger } from '../src/logger.js';

const BOT_TOKEN = 'xoxb-123-456-abc';
const APP_TOKEN = 'xapp-1-A0-789xyz';
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

/** A logger writing into a string; `lines()` parses what it wrote, one JSON object a line. */
function capture() {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const logger = createLogger('debug', stream);
  return {
    logger,
    raw: () => written,
    lines: () =>
      written
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the logger', () => {
  it('masks tokens and the signing secret in a logged object', () => {
    const log = capture();
    log.logger.info(
      {
        token: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        config: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET },
        headers: { authorization: `Bearer ${BOT_TOKEN}` },
      },
      'starting',
    );
    const [entry, ...more] = log.lines();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      msg: 'starting',
      token: '***',
      signingSecret: '***',
      config: { SLACK_BOT_TOKEN: '***', SLACK_APP_TOKEN: '***', SLACK_SIGNING_SECRET: '***' },
      headers: { authorization: '***' },
    });
    expect(log.raw()).not.toContain(BOT_TOKEN);
    expect(log.raw()).not.toContain(APP_TOKEN);
    expect(log.raw()).not.toContain(SIGNING_SECRET);
  });

  it('masks a token in an error message', () => {
    const log = capture();
    log.logger.error({ err: new Error(`An API error occurred: invalid_auth for ${BOT_TOKEN}`) }, 'could not post');
    const [entry] = log.lines();
    expect(entry).toMatchObject({ msg: 'could not post', err: { type: 'Error', message: 'An API error occurred: invalid_auth for xoxb-***' } });
    expect(log.raw()).not.toContain(BOT_TOKEN);
  });

  it('masks tokens in a free-text message, also in its format arguments', () => {
    const log = capture();
    log.logger.warn(`Slack refused ${BOT_TOKEN}`);
    log.logger.warn('Socket Mode refused %s', APP_TOKEN);
    expect(log.lines().map((entry) => entry.msg)).toEqual(['Slack refused xoxb-***', 'Socket Mode refused xapp-***']);
    expect(log.raw()).not.toContain(BOT_TOKEN);
    expect(log.raw()).not.toContain(APP_TOKEN);
  });

  it("masks tokens in Bolt's own messages", () => {
    const log = capture();
    boltLogger(log.logger).error(new Error(`token ${BOT_TOKEN} revoked`), { token: BOT_TOKEN });
    const [entry] = log.lines();
    expect(entry).toMatchObject({ source: 'bolt', msg: 'token xoxb-*** revoked {"token":"xoxb-***"}' });
    expect(log.raw()).not.toContain(BOT_TOKEN);
  });
});

describe('the logger given the secrets it must never write', () => {
  function captureWith(secrets: string[]) {
    let written = '';
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    return { logger: createLogger('debug', stream, secrets), raw: () => written };
  }

  it('masks the signing secret in free text, in an error logged as the message, and in any field', () => {
    const log = captureWith([SIGNING_SECRET, 's3cr3t-db-pass']);
    log.logger.warn(`signature check with ${SIGNING_SECRET} failed`);
    log.logger.error(new Error(`bad secret ${SIGNING_SECRET}`));
    log.logger.info({ url: 'postgres://app:s3cr3t-db-pass@db:5432/app', detail: { note: SIGNING_SECRET } }, 'connected');
    expect(log.raw()).not.toContain(SIGNING_SECRET);
    expect(log.raw()).not.toContain('s3cr3t-db-pass');
    expect(log.raw().match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('masks a token in an error logged as the message, not only in err', () => {
    const log = captureWith([]);
    log.logger.error(new Error(`invalid_auth for ${BOT_TOKEN}`));
    expect(log.raw()).not.toContain(BOT_TOKEN);
    expect(log.raw()).toContain('xoxb-***');
  });
});

describe('a log destination that fails', () => {
  it('is dropped, so a reader gone (EPIPE) neither crashes the app nor blocks it', async () => {
    let writes = 0;
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        writes++;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const logger = createLogger('info', stream);
    logger.info('first');
    await new Promise((resolve) => stream.once('close', resolve));
    logger.info('second');
    logger.error({ err: new Error('boom') }, 'third');
    expect(writes).toBe(1);
  });
});
