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
  /** The person's language, and the app's sentences in it (the admin section stays English). */
  language: Language;
  say: Say;
  /** The answer to a topic picked on the Home tab, shown in place under the topic buttons. */
  shown: { title: string; blocks: KnownBlock[] } | null;
  /** Present for admins only. */
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
    blocks.push({ type: 'divider' }, header('For admins'));
    blocks.push(section(`*People who told me they opted out:* ${a.optOutCount}`));
    const feedback = a.feedback.length
      ? a.feedback
          .slice(0, 20)
          .map((f) => `• ${escapeMrkdwn(f.title)}: 👍 ${f.up} · 👎 ${f.down}${reasonsOf(f.reasons)}`)
          .join('\n')
      : '_No feedback yet._';
    blocks.push(section(`*Feedback per topic*\n${feedback}`));
    const unanswered = a.unanswered.length
      ? a.unanswered
          .map((q) => `• _“${quoteUserText(q.question, 150)}”_ (${q.kind === 'out-of-scope' ? 'out of scope' : 'unsure'}, ${escapeMrkdwn(q.when)})`)
          .join('\n')
      : '_None recently._';
    blocks.push(section(`*Recent questions I could not answer*\n${unanswered}`));
    blocks.push(section(`*Reminders*\n${a.reminders.length ? a.reminders.slice(0, 10).map(reminderLine).join('\n') : '_None yet._'}`));
    blocks.push(context('Manage reminders with `/linkedin-ai reminders`; create one with `/linkedin-ai remind #channel weekly monday 9am until 2027-03-31`.'));
    blocks.push(context(`Unanswered questions are kept for ${a.retentionDays} days, then deleted automatically. Only admins see this section.`));
  }
  const { blocks: limited } = enforceLimits({ text: 'home', blocks: blocks.slice(0, LIMITS.blocksPerHomeTab) }, 'home');
  return { type: 'home', blocks: limited };
}

/** " (wrong 2, out of date 1)": why people said an answer did not help. */
function reasonsOf(reasons: Record<string, number>): string {
  const parts = Object.entries(reasons)
    .filter(([reason]) => Object.hasOwn(FEEDBACK_REASONS, reason))
    .sort((x, y) => y[1] - x[1])
    .map(([reason, n]) => `${FEEDBACK_REASONS[reason as FeedbackReason].replace(/^It (is |isn't )?/, '').toLowerCase()} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** "• <#C1> · active · every Monday at 09:00 (Europe/Berlin) · next Monday 7 December… · 12 confirmed on the latest post". */
function reminderLine(r: ReminderListItem): string {
  const where = CHANNEL_ID.test(r.channelId) ? `<#${r.channelId}>` : 'a channel';
  return [
    `• ${where} · ${r.status}`,
    escapeMrkdwn(r.schedule),
    r.next && r.status === 'active' ? `next ${escapeMrkdwn(r.next)}` : null,
    r.acknowledged !== null ? `${r.acknowledged} confirmed on the latest post` : null,
    r.lastError ? `⚠️ ${escapeMrkdwn(r.lastError)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
