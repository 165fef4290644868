import type { Logger } from 'pino';

/**
 * Sends a reply whose failure must not fail the listener (an apology after an error, a courtesy
 * note): a failure is logged at warn with what was being sent, never dropped silently.
 */
export async function replySafely(logger: Logger, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.warn({ err: error }, `could not send ${what}`);
  }
}
