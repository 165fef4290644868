import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { KnowledgeBaseError } from '../knowledge/errors.js';

/** Where a CLI reads and writes: the real process streams when run as a script, strings in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** A CLI's `run`: takes the arguments after the script name, returns the exit code. */
export type CliRun = (argv: string[], io: CliIo) => Promise<number>;

/** Thrown by fail(): the message for people and the exit code, turned into both by runMain. */
export class CliExit extends Error {
  override name = 'CliExit';

  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** Parses --now: an ISO date or date-time, read as UTC when it has no zone. */
export function parseNow(value: string | undefined): DateTime {
  if (value === undefined) return DateTime.now();
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) fail(`--now "${value}" is not an ISO 8601 date (for example 2026-11-29 or 2026-11-29T09:00:00Z).`);
  return parsed;
}

/** Stops the CLI with a friendly message and an exit code: no stack traces for people's mistakes. */
export function fail(message: string, code = 2): never {
  throw new CliExit(message, code);
}

/**
 * Runs a CLI's main function and returns its exit code (0 unless it returns one), turning expected
 * errors into one clear line on stderr.
 */
export async function runMain(io: CliIo, main: () => unknown): Promise<number> {
  try {
    const code = await main();
    return typeof code === 'number' ? code : 0;
  } catch (error: unknown) {
    const { message, code } =
      error instanceof CliExit
        ? error
        : error instanceof KnowledgeBaseError
          ? { message: error.message, code: 1 }
          : { message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}`, code: 1 };
    io.stderr.write(`${message}\n`);
    return code;
  }
}

/** True when the module at `moduleUrl` is the script node (or tsx) was started with, not an import. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Runs a CLI on the real process: its arguments, streams and environment; the result is the exit code. */
export function runAsScript(run: CliRun): void {
  void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
