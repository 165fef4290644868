import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import pino from 'pino';
import { buildRemindersCard } from '../../src/blocks/reminders-card.js';
import type { KnowledgeBase } from '../../src/engine/knowledge-base.js';
import type { Deps } from '../../src/handlers/deps.js';
import { publishHome } from '../../src/handlers/events/app-home-opened.js';
import { listItems } from '../../src/reminders/present.js';
import { ReminderStore } from '../../src/reminders/reminder-store.js';
import { nextOccurrence, parseSchedule } from '../../src/reminders/schedule.js';
import { ReminderScheduler } from '../../src/reminders/scheduler.js';
import type { ReminderSender } from '../../src/reminders/sender.js';
import { detailsFor, helpCard, replyTo } from '../../src/replies/reply.js';
import type { AdminChecker } from '../../src/slack/admins.js';
import { Store } from '../../src/store/store.js';
import type { Frame, Surface } from './blocks-to-html.js';

/** The day the pictures are of, so relative dates ("about a year ago") do not drift between runs. */
export const NOW = DateTime.fromISO('2026-12-03T10:02:00', { zone: 'utc' });

export interface Card {
  /** File name without extension. */
  name: string;
  title: string;
  frame: Frame;
  surface: Surface;
  question?: string;
  ephemeral?: boolean;
  /** Something about the card that is not what the case meant to show. */
  warning?: string;
}

const TEAM = 'T0RENDER';
const QUESTIONS = [
  { name: '01-toronto', question: 'Does this apply to our Toronto office?', kind: 'answer' },
  { name: '02-dms', question: 'are my DMs used?', kind: 'answer' },
  { name: '03-opt-out', question: 'how do I opt out', kind: 'answer' },
  { name: '04-german-wien', question: 'Wie kann ich widersprechen? Ich sitze in Wien.', kind: 'answer' },
  { name: '05-toronto-and-hong-kong', question: 'people in Toronto and Hong Kong - both affected?', kind: 'answer' },
  // The review's "ai thing?" now gets the overview; this one is vague enough for "did you mean".
  { name: '06-did-you-mean', question: 'data stuff?', kind: 'did-you-mean' },
  { name: '07-out-of-scope', question: 'Does Meta train on my Instagram?', kind: 'out-of-scope' },
] as const;

/** Every card in the pictures, built by the app's own code as it stands. */
export async function buildCards(kb: KnowledgeBase): Promise<Card[]> {
  const cards: Card[] = QUESTIONS.map(({ name, question, kind }) => {
    const { result, message } = replyTo(kb, question, NOW);
    const warning = result.kind === kind ? undefined : `"${question}" gave a ${result.kind} card, not ${kind}`;
    return { name, title: question, frame: 'thread', surface: message, question, warning };
  });
  cards.push({ name: '08-help', title: 'Help (/linkedin-ai help)', frame: 'channel', surface: helpCard(kb), ephemeral: true });
  const details = detailsFor(kb, { kind: 'question', question: QUESTIONS[0].question }, NOW);
  if (details) cards.push({ name: '09-details-modal', title: `Details: ${QUESTIONS[0].question}`, frame: 'modal', surface: details });

  const store = await Store.open('sqlite::memory:');
  try {
    await seedStore(store, kb);
    const reminders = new ReminderStore(store.db);
    await seedReminders(store, reminders);
    cards.push({ name: '10-home-employee', title: 'App Home (employee)', frame: 'home', surface: await homeView(kb, store, reminders, 'U0EMPLOYEE', false) });
    cards.push({ name: '11-home-admin', title: 'App Home (admin, opted out)', frame: 'home', surface: await homeView(kb, store, reminders, 'U0ADMIN', true) });
    cards.push({ name: '12-reminder', title: 'Reminder in a channel', frame: 'channel', surface: reminderCard(kb, reminders) });
    const list = buildRemindersCard(await listItems(reminders, TEAM, NOW), kb.say('en'));
    cards.push({ name: '13-reminders-list', title: 'Reminders list (/linkedin-ai reminders)', frame: 'channel', surface: list, ephemeral: true });
  } finally {
    await store.close();
  }
  return cards;
}

/** The Home tab exactly as app_home_opened publishes it; Slack's client only records the view. */
async function homeView(kb: KnowledgeBase, store: Store, reminders: ReminderStore, userId: string, isAdmin: boolean): Promise<Surface> {
  let view: Surface = { blocks: [] };
  const publish = async (args: { view: Surface }) => {
    view = args.view;
  };
  const client = { views: { publish } } as unknown as WebClient;
  const admins = { isAdmin: async () => isAdmin, knownLocale: () => null } as unknown as AdminChecker;
  await publishHome({ kb, store, reminders, admins, now: () => NOW } as unknown as Deps, client, TEAM, userId);
  return view;
}

/** A few weeks of a team using the app: opt-outs, votes and questions it could not answer. */
async function seedStore(store: Store, kb: KnowledgeBase): Promise<void> {
  await store.confirmOptOut(TEAM, 'U0ADMIN', NOW.minus({ days: 12 }));
  for (let i = 0; i < 23; i++) await store.confirmOptOut(TEAM, `U0PERSON${i}`, NOW.minus({ days: i }));
  const topics = [...kb.topics.keys()].slice(0, 4);
  for (const [i, topic] of topics.entries()) {
    for (let v = 0; v < 9 - i * 2; v++) await store.recordFeedback({ teamId: TEAM, userId: `U0V${v}`, topic, region: null, vote: v % 4 ? 'up' : 'down' }, NOW);
  }
  await store.recordFeedbackReason({ teamId: TEAM, userId: 'U0V0', topic: topics[0] ?? 'overview', region: null, reason: 'unclear' }, NOW);
  await store.recordFeedbackReason({ teamId: TEAM, userId: 'U0V9', topic: topics[0] ?? 'overview', region: null, reason: 'out-of-date' }, NOW);
  const unanswered = [
    { question: 'Does Meta train on my Instagram?', kind: 'out-of-scope' },
    { question: 'data stuff?', kind: 'did-you-mean' },
    { question: 'Is <b>this</b> & that used for ads?', kind: 'did-you-mean' },
  ];
  for (const [i, q] of unanswered.entries()) await store.recordUnanswered({ teamId: TEAM, userId: 'U0PERSON1', ...q }, NOW.minus({ days: i * 3 }));
}

/** Three reminders: one sent with acknowledgements, one paused, one that failed. */
async function seedReminders(store: Store, reminders: ReminderStore): Promise<void> {
  const create = async (id: string, channelId: string, text: string, mentionHere: boolean) => {
    const { schedule, until } = parseSchedule(text);
    const created = await reminders.create({ teamId: TEAM, channelId, createdBy: 'U0ADMIN', schedule, timezone: 'Europe/Berlin', until, mentionHere }, NOW);
    // Fixed ids instead of random ones, so the pictures change only when the card does.
    await store.db.updateTable('reminders').set({ id }).where('id', '=', created.id).execute();
    return { ...created, id };
  };
  const sent = await create('r0weekly', 'C0GENERAL', 'every monday at 09:00', true);
  const occurrence = sent.nextRunAt ?? '';
  const next = nextOccurrence(sent.schedule, sent.timezone, sent.until, DateTime.fromISO(occurrence));
  await reminders.claim(sent, occurrence, { instanceId: 'render', next, status: 'sending' }, NOW);
  await reminders.finish(sent.id, occurrence, { status: 'sent', messageTs: '1764000000.000100' }, NOW);
  for (let i = 0; i < 12; i++) await reminders.acknowledge('C0GENERAL', '1764000000.000100', `U0PERSON${i}`, NOW);
  await reminders.pause((await create('r0weekdays', 'C0PRIVACY', 'weekdays 9am until 2027-01-31', false)).id, NOW);
  await reminders.markFailed((await create('r0daily', 'C0LONDON', 'daily 10:30', false)).id, 'not_in_channel: invite the app to the channel', NOW);
}

/** The reminder as the scheduler posts it, once 12 people in the workspace have confirmed. */
function reminderCard(kb: KnowledgeBase, reminders: ReminderStore): Surface {
  // Only `card` is used: it needs the knowledge base and the clock, never Slack or the sender.
  const scheduler = new ReminderScheduler({
    reminders,
    optOuts: { countOptOuts: async () => 12 },
    kb,
    now: () => NOW,
    sender: {} as ReminderSender,
    client: {} as WebClient,
    logger: pino({ level: 'silent' }),
    pollSeconds: 60,
    instanceId: 'render',
  });
  return scheduler.card({ id: 'r0render', mentionHere: true }, 12);
}
