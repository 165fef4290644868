import { DateTime } from 'luxon';
import { KnowledgeBaseError } from '../knowledge/errors.js';

/** Parses --now: an ISO date or date-time, read as UTC when it has no zone. */
export function parseNow(value: string | undefined): DateTime {
  if (value === undefined) return DateTime.now();
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) fail(`--now "${value}" is not an ISO 8601 date (for example 2026-11-29 or 2026-11-29T09:00:00Z).`);
  return parsed;
}

/** Prints a friendly message and exits: no stack traces for people's mistakes. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Runs a CLI's main function, turning expected errors into one clear message. */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof KnowledgeBaseError) fail(error.message, 1);
      fail(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`, 1);
    });
}
