import 'dotenv/config';
import { sql } from 'kysely';
import { createSlackApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { loadKnowledgeBase } from './engine/knowledge-base.js';
import { KnowledgeBaseError } from './knowledge/errors.js';
import { createLogger, maskSecrets } from './logger.js';
import { createHttpServer } from './server.js';
import { Store } from './store/store.js';

const REMINDER_HISTORY_DAYS = 365;

/** `npm start`: Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on PORT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, process.stdout, [
    config.SLACK_BOT_TOKEN,
    config.SLACK_APP_TOKEN,
    config.SLACK_SIGNING_SECRET,
    databasePassword(config.DATABASE_URL),
  ]);
  const loading = performance.now();
  const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const { calibration } = kb.model;
  // Loading takes seconds only when the topic model had to be trained (a new knowledge base or engine).
  logger.info(
    { ms: Math.round(performance.now() - loading), topics: kb.topics.size, heldOutTopicAccuracy: calibration.heldOutTopicAccuracy },
    'knowledge base and topic model loaded',
  );
  const store = await Store.open(config.DATABASE_URL, (error) => logger.warn({ err: error }, 'a pooled database connection was dropped'));
  const { app, deps, httpReceiver, scheduler, idle } = createSlackApp({ config, kb, store, logger });

  // Unanswered questions after 30 days, event ids after a day, reminder history after a year.
  const purgeAll = () =>
    Promise.all([store.purgeExpired(), deps.reminders.purgeOlderThan(REMINDER_HISTORY_DAYS)]).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not purge expired rows'),
    );
  const purge = setInterval(() => void purgeAll(), 60 * 60_000);
  purge.unref();
  await purgeAll();

  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string }; code?: string }).data?.error ?? (error as { code?: string }).code ?? 'unknown error';
    process.stderr.write(
      `Slack did not accept the bot token (${code}). Check SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and SLACK_API_URL.\n`,
    );
    await store.close();
    process.exit(1);
  }

  let stop: () => Promise<void>;
  if (httpReceiver) {
    const started = Date.now();
    const server = createHttpServer({
      receiver: httpReceiver,
      logger,
      health: async () => {
        await sql`select 1`.execute(store.db);
        return { mode: 'http', uptimeSeconds: Math.round((Date.now() - started) / 1000), database: store.dialect };
      },
    });
    await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
    logger.info({ port: config.PORT, mode: 'http', topics: kb.topics.size }, 'listening for Slack at POST /slack/events');
    stop = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections with no request under way would hold close() open.
        server.closeIdleConnections();
      });
  } else {
    await app.start();
    logger.info({ mode: 'socket', topics: kb.topics.size }, 'connected to Slack in Socket Mode');
    stop = () => app.stop().then(() => undefined);
  }

  scheduler.start();
  logger.info({ pollSeconds: config.REMINDER_POLL_SECONDS, instance: scheduler.instanceId }, 'checking for due reminders');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing the ones under way');
    // Inside the usual 30 s grace; reached only if something hung (the steps below are bounded).
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    clearInterval(purge);
    // Stop taking requests first, then let reminders drain (claiming nothing more) while they finish.
    const closing = stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'));
    await scheduler.stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping reminders'));
    await closing;
    await idle(8000);
    await store.close().catch((error: unknown) => logger.warn({ err: error }, 'error while closing the database'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof KnowledgeBaseError
      ? error.message
      : `The app could not start: ${maskSecrets(error instanceof Error ? error.message : String(error))}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});

/** The password in a postgres:// address, if any: the part of DATABASE_URL that must never be logged. */
function databasePassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
