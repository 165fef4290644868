import type { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import type { ReminderStore } from '../reminders/reminder-store.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { AdminChecker } from '../slack/admins.js';
import type { Store } from '../store/store.js';

/** What every listener needs, passed in so tests can supply their own. */
export interface Deps {
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  admins: AdminChecker;
  now: () => DateTime;
  reminders: ReminderStore;
  scheduler: ReminderScheduler;
}
