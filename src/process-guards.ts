import type { Logger } from 'pino';

/**
 * Last-resort handlers. A rejected promise nobody awaited (a library's detached async code, as in
 * Bolt's receiver) leaves no broken state behind, so it is logged and the app keeps serving. An
 * uncaught exception may have left any state half-changed, so it is logged and the process exits
 * non-zero for its supervisor to restart, as Node's own policy does. The logger masks secrets.
 */
export function guardProcess(proc: NodeJS.EventEmitter, logger: Logger, exit: (code: number) => void): void {
  proc.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: asError(reason) }, 'a promise was rejected and nobody handled it; still serving');
  });
  proc.on('uncaughtException', (error: unknown) => {
    logger.fatal({ err: asError(error) }, 'uncaught exception; exiting so the supervisor restarts the app');
    exit(1);
  });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
