import 'dotenv/config';
import { sql } from 'kysely';
import { createSlackApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { loadKnowledgeBase } from './engine/knowledge-base.js';
import { databaseCheck } from './http/readiness.js';
import { KnowledgeBaseError } from './knowledge/errors.js';
import { createLogger, maskSecrets } from './logger.js';
import { registry } from './metrics.js';
import { guardProcess } from './process-guards.js';
import { createHttpServer, type HttpEdge } from './server.js';
import { watchSocket } from './socket-watchdog.js';
import { databaseOpenError } from './store/open-error.js';
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
  guardProcess(process, logger, (code) => process.exit(code));
  const loading = performance.now();
  const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const { calibration } = kb.model;
  // Loading takes seconds only when the topic model had to be trained (a new knowledge base or engine).
  logger.info(
    { ms: Math.round(performance.now() - loading), topics: kb.topics.size, heldOutTopicAccuracy: calibration.heldOutTopicAccuracy },
    'knowledge base and topic model loaded',
  );
  const store = await Store.open(config.DATABASE_URL, (error) => logger.warn({ err: error }, 'a pooled database connection was dropped')).catch(
    (error: unknown) => {
      throw new StartupError(databaseOpenError(config.DATABASE_URL, error));
    },
  );
  const { app, deps, httpReceiver, scheduler, idle, socket } = createSlackApp({ config, kb, store, logger });

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

  const database = databaseCheck(() => sql`select 1`.execute(store.db));
  const health = {
    logger,
    readiness: async () => ({ mode: httpReceiver ? 'http' : 'socket', database: await database() }),
    metrics: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
  // Stops the replica looking ready at once on SIGTERM; requests are still served until stop().
  let drain: () => void = () => undefined;
  let stop: () => Promise<void>;
  if (httpReceiver) {
    const edge = createHttpServer({ receiver: httpReceiver, ...health });
    await listen(edge, config.PORT, 'PORT');
    logger.info({ port: config.PORT, mode: 'http', topics: kb.topics.size }, 'listening for Slack at POST /slack/events');
    drain = edge.drain;
    stop = async () => {
      // The load balancer sees /readyz fail and moves away; each response meanwhile closes its
      // keep-alive connection, so none is cut with a request on its way.
      await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_SECONDS * 1000));
      await edge.close();
    };
  } else {
    await app.start();
    logger.info({ mode: 'socket', topics: kb.topics.size }, 'connected to Slack in Socket Mode');
    const watch = socket
      ? watchSocket(socket, config.SOCKET_MAX_DOWN_SECONDS * 1000, () => {
          logger.error({ seconds: config.SOCKET_MAX_DOWN_SECONDS }, 'the connection to Slack stayed down too long; exiting so the supervisor restarts the app');
          process.exit(1);
        })
      : null;
    const ops = config.HEALTH_PORT ? createHttpServer(health) : null;
    if (ops && config.HEALTH_PORT) {
      await listen(ops, config.HEALTH_PORT, 'HEALTH_PORT');
      logger.info({ port: config.HEALTH_PORT }, 'serving /healthz, /readyz and /metrics');
      drain = ops.drain;
    }
    stop = async () => {
      watch?.stop();
      await app.stop();
      await ops?.close();
    };
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
    // /readyz turns 503 at once; the server keeps serving for the drain time, then stops taking requests,
    // while reminders drain (claiming nothing more).
    drain();
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

/** A start-up failure whose message already says what to fix. */
class StartupError extends Error {}

function listen(edge: HttpEdge, port: number, setting: 'PORT' | 'HEALTH_PORT'): Promise<void> {
  return new Promise((resolve, reject) => {
    edge.server.once('error', (error) => reject(new StartupError(`The app could not listen on ${setting}=${port}: ${error.message}`)));
    edge.server.listen(port, resolve);
  });
}

main().catch((error: unknown) => {
  const message =
    error instanceof KnowledgeBaseError || error instanceof StartupError
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
