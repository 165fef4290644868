import type { HomeView, KnownBlock } from '@slack/types';
import type { RegionView, TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
import type { Organisation } from '../knowledge/load.js';
import { FEEDBACK_REASONS, type FeedbackReason } from './actions.js';
import { enforceLimits, LIMITS } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, quoteUserText } from './mrkdwn.js';
import {
  actions,
  confirmOptOutButton,
  context,
  header,
  numberedSteps,
  organisationNote,
  section,
  settingButton,
  topicButtons,
  whereItAppliesSection,
} from './parts.js';
import type { ReminderListItem } from './reminders-card.js';
import { CHANNEL_ID } from './slack-ids.js';

export interface HomeInput {
  overviewSummary: string;
  /** How to opt out, one Markdown step each (the opt-out topic's steps). */
  optOutSteps: string[];
  /** What opting out does not do, in a sentence (Markdown). */
  optOutLimits: string;
  settingUrl: string;
  regions: RegionView[];
  topics: TopicLink[];
  organisation: Organisation | null;
  /** When the person confirmed opting out (already described, e.g. "3 March 2026 (…)"), or null. */
  confirmedAt: string | null;
  /** The person's language, and the app's sentences in it (the admin section's too). */
  language: Language;
  say: Say;
  /** The answer to a topic picked on the Home tab, shown in place under the topic buttons. */
  shown: { title: string; blocks: KnownBlock[] } | null;
  /** Present for admins only; texts already in the person's language. */
  admin: {
    optOutCount: number;
    feedback: { title: string; up: number; down: number; reasons: Record<string, number> }[];
    /** The workspace's reminders: state, schedule, next run and confirmations. */
    reminders: ReminderListItem[];
    /** `kind` is "out-of-scope" or "did-you-mean"; `when` is already described. */
    unanswered: { question: string; kind: string; when: string }[];
    retentionDays: number;
  } | null;
}

/**
 * The App Home tab: the person's own status and the one button that matters first, the steps, the
 * common questions (answered in place on the tab), where it applies, and for admins the figures,
 * the reasons behind 👎 and the reminders.
 */
export function buildHomeView(input: HomeInput): HomeView {
  const { say } = input;
  const optedOut = say('button.optedOut');
  const blocks: KnownBlock[] = [
    header(say('home.header')),
    section(input.confirmedAt ? say('home.confirmed', { date: escapeMrkdwn(input.confirmedAt) }) : say('home.notConfirmed', { button: optedOut })),
    ...actions(
      input.confirmedAt ? [settingButton(input.settingUrl, say('button.setting'))] : [settingButton(input.settingUrl, say('button.setting')), confirmOptOutButton(optedOut, input.language)],
      'home:checklist',
    ),
    section(`${say('home.steps', { count: input.optOutSteps.length })}\n${numberedSteps(input.optOutSteps, say('home.stepsThen', { button: optedOut }))}`),
    context(markdownToMrkdwn(input.optOutLimits)),
    { type: 'divider' },
    section(say('home.ask')),
    ...actions(topicButtons(input.topics.slice(0, 5), { region: null, country: null, language: input.language }), 'home:topics'),
    ...(input.shown ? [section(`*${escapeMrkdwn(input.shown.title)}*`), ...input.shown.blocks] : []),
    { type: 'divider' },
    section(markdownToMrkdwn(input.overviewSummary)),
    whereItAppliesSection(input.regions, say('home.where')),
    ...organisationNote(input.organisation),
  ];

  if (input.admin) {
    const a = input.admin;
    blocks.push({ type: 'divider' }, header(say('home.admin.header')));
    blocks.push(section(say('home.admin.optOuts', { count: a.optOutCount })));
    const feedback = a.feedback.length
      ? a.feedback
          .slice(0, 20)
          .map((f) => `• ${escapeMrkdwn(f.title)}: 👍 ${f.up} · 👎 ${f.down}${reasonsOf(f.reasons, say)}`)
          .join('\n')
      : say('home.admin.noFeedback');
    blocks.push(section(`${say('home.admin.feedback')}\n${feedback}`));
    const unanswered = a.unanswered.length
      ? a.unanswered
          .map((q) => `• _“${quoteUserText(q.question, 150)}”_ (${say(q.kind === 'out-of-scope' ? 'home.admin.outOfScope' : 'home.admin.unsure')}, ${escapeMrkdwn(q.when)})`)
          .join('\n')
      : say('home.admin.noneRecently');
    blocks.push(section(`${say('home.admin.unanswered')}\n${unanswered}`));
    const reminders = a.reminders.length ? a.reminders.slice(0, 10).map((r) => reminderLine(r, say)).join('\n') : say('home.admin.noReminders');
    blocks.push(section(`${say('home.admin.reminders')}\n${reminders}`));
    blocks.push(context(say('home.admin.manage')));
    blocks.push(context(say('home.admin.retention', { days: a.retentionDays })));
  }
  const { blocks: limited } = enforceLimits({ text: 'home', blocks: blocks.slice(0, LIMITS.blocksPerHomeTab) }, 'home');
  return { type: 'home', blocks: limited };
}

/** " (wrong 2, out of date 1)": why people said an answer did not help. */
function reasonsOf(reasons: Record<string, number>, say: Say): string {
  const parts = Object.entries(reasons)
    .filter(([reason]) => Object.hasOwn(FEEDBACK_REASONS, reason))
    .sort((x, y) => y[1] - x[1])
    .map(([reason, n]) => `${say(`home.admin.reason.${reason as FeedbackReason}`)} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** "• <#C1> · active · every Monday at 09:00 (Europe/Berlin) · next Monday 7 December… · 12 confirmed on the latest post". */
function reminderLine(r: ReminderListItem, say: Say): string {
  const where = CHANNEL_ID.test(r.channelId) ? `<#${r.channelId}>` : say('home.admin.someChannel');
  return [
    `• ${where} · ${say(`reminders.status.${r.status}`)}`,
    escapeMrkdwn(r.schedule),
    r.next && r.status === 'active' ? say('home.admin.next', { next: escapeMrkdwn(r.next) }) : null,
    r.acknowledged !== null ? say('home.admin.confirmed', { count: r.acknowledged }) : null,
    r.lastError ? `⚠️ ${escapeMrkdwn(r.lastError)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
