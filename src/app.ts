import { App, type Authorize, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver } from '@slack/bolt';
import webApi, { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { KnowledgeBase } from './engine/knowledge-base.js';
import * as actions from './handlers/actions/index.js';
import * as commands from './handlers/commands/index.js';
import type { Deps } from './handlers/deps.js';
import * as events from './handlers/events/index.js';
import { MAX_BODY_BYTES } from './http/body.js';
import { languageOfLocale } from './knowledge/languages.js';
import { boltLogger } from './logger.js';
import { ReminderStore } from './reminders/reminder-store.js';
import { ReminderScheduler } from './reminders/scheduler.js';
import { ReminderSender, type SenderOptions } from './reminders/sender.js';
import { AdminChecker } from './slack/admins.js';
import { countSlackCalls } from './slack/count-calls.js';
import type { SocketEvents } from './socket-watchdog.js';
import type { Store } from './store/store.js';

export interface CreateAppOptions {
  config: Config;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  now?: () => DateTime;
  /** Tests pass their own receiver and skip the token check. */
  receiver?: Receiver;
  authorize?: Authorize<boolean>;
  /** Web API retries; tests turn them off. */
  retries?: number;
  /** Tests shorten the reminder sender's pauses. */
  senderOptions?: Partial<Omit<SenderOptions, 'client' | 'logger'>>;
}

export interface SlackApp {
  app: App;
  deps: Deps;
  /** Not started: main() starts it, tests drive its tick(). */
  scheduler: ReminderScheduler;
  /** Resolves when no listener is running (or after `timeoutMs`): for a graceful shutdown. */
  idle(timeoutMs: number): Promise<void>;
  /** Present in HTTP mode: Slack's requests go to its requestListener. */
  httpReceiver: HTTPReceiver | null;
  /** Present in Socket Mode: emits 'connected', 'disconnected' and 'reconnecting'. */
  socket: SocketEvents | null;
}

/** The Bolt app with every listener registered: Socket Mode with SLACK_APP_TOKEN, else HTTP. */
export function createSlackApp(options: CreateAppOptions): SlackApp {
  const { config, kb, store, logger } = options;
  const now = options.now ?? (() => DateTime.now());
  countSlackCalls();
  // Reminders get a Web API client of their own that reports 429s instead of queueing them
  // silently, so the sender can wait them out per message and keep its per-channel pace.
  const reminderClient = new WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: boltLogger(logger),
  });
  const reminders = new ReminderStore(store.db);
  const admins = new AdminChecker(config.ADMIN_USER_IDS, logger);
  // Channel pacing lives in the database (the store hands out slots), so replicas share it.
  const scheduler = new ReminderScheduler({
    reminders,
    sender: new ReminderSender({ client: reminderClient, logger, slots: reminders, ...options.senderOptions }),
    client: reminderClient,
    kb,
    logger,
    pollSeconds: config.REMINDER_POLL_SECONDS,
    now,
    optOuts: store,
    sleep: options.senderOptions?.sleep,
    knownLanguage: (userId) => languageOfLocale(admins.knownLocale(userId)),
  });
  const deps: Deps = { kb, store, logger, admins, now, reminders, scheduler };
  const log = boltLogger(logger);
  // Answers are worth a few retries, not web-api's default half hour of them.
  const clientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    retryConfig: options.retries !== undefined ? { retries: options.retries } : webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const socketMode = Boolean(config.SLACK_APP_TOKEN) && !options.receiver;
  const httpReceiver =
    options.receiver || socketMode
      ? null
      : new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', logger: log, processBeforeResponse: false, bodyLimit: MAX_BODY_BYTES });
  // Built here rather than by Bolt (socketMode: true) so its connection can be watched.
  // Its own Web API client (apps.connections.open) takes SLACK_API_URL only through installerOptions.
  const socketReceiver = socketMode
    ? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN ?? '', logger: log, installerOptions: { clientOptions: { slackApiUrl: config.SLACK_API_URL } } })
    : null;
  const receiver = options.receiver ?? httpReceiver ?? socketReceiver ?? undefined;
  const auth = options.authorize ? { authorize: options.authorize } : { token: config.SLACK_BOT_TOKEN };
  const app = new App({
    ...auth,
    receiver,
    logger: log,
    logLevel: LogLevel.INFO,
    clientOptions,
    ignoreSelf: true,
    // The app keeps no conversation state; Bolt's default store would cost every request a lookup.
    convoStore: false,
    // With a token, Bolt checks it (auth.test) at start-up; deferred, the caller awaits app.init()
    // and turns a bad token into a clear message instead of an unhandled rejection.
    deferInitialization: !options.authorize,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'a listener failed');
  });
  // Counts listeners at work: HTTP answers are sent before they finish (the ack goes first), so
  // shutting down must wait for them, not only for the server.
  let inFlight = 0;
  // Commands, events and buttons are routed here, in the one global middleware, with no Bolt listener:
  // each further middleware or listener costs every request (bench:http, December 2026: a listener each
  // for events and buttons, or a middleware each, 0.70-0.78× the minimal app). The command goes first:
  // it is what most requests are.
  const routes = [commands.route(deps), events.route(deps), actions.route(deps)];
  app.use(async (args) => {
    inFlight++;
    try {
      for (const route of routes) if (await route(args)) return;
      await args.next();
    } finally {
      inFlight--;
    }
  });
  const idle = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  return { app, deps, httpReceiver, scheduler, idle, socket: socketReceiver?.client ?? null };
}
