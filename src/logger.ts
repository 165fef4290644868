import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, pino } from 'pino';

/** Paths that may hold secrets: never written to the log. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'DATABASE_URL',
  'config.DATABASE_URL',
];

/** Tokens that slip into free text (error messages, URLs) are masked too. */
const SECRET_PATTERN = /\b(xox[abposr]|xapp)-[\w-]+/g;
export const maskSecrets = (text: string): string => text.replace(SECRET_PATTERN, '$1-***');

/**
 * The app's logger. Besides the redacted paths and token patterns, every value in `secrets` (the
 * signing secret, tokens, the database address) is masked wherever it appears in a written line: in
 * an error's message, a field nobody thought to redact, or free text.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stdout, secrets: readonly (string | undefined)[] = []): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  // A destination that fails (its reader gone: EPIPE) is dropped: an unhandled 'error' would kill
  // the app, and losing the log must not stop it serving nor shutting down.
  let broken = false;
  destination.on('error', () => {
    broken = true;
  });
  const masked = {
    write(line: string) {
      if (broken) return;
      let out = maskSecrets(line);
      for (const secret of known) out = out.split(secret).join('***');
      destination.write(out);
    },
  };
  return pino(
    {
      level,
      base: { app: 'linkedin-ai-policy-bot' },
      redact: { paths: REDACT, censor: '***' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: (e: Error) => ({ type: e.name, message: maskSecrets(e.message), code: (e as { code?: string }).code }) },
    },
    masked,
  );
}

/** Bolt's own messages go through the same structured, redacted logger. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  // Bolt logs debug lines on every request: format them only when they will be written.
  const log =
    (fn: 'debug' | 'info' | 'warn' | 'error') =>
    (...msgs: unknown[]) => {
      if (!logger.isLevelEnabled(fn)) return;
      logger[fn](
        { source: 'bolt' },
        maskSecrets(msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')),
      );
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
