import type { HomeView, KnownBlock } from '@slack/types';
import type { RegionView, TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { enforceLimits, LIMITS } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, quoteUserText } from './mrkdwn.js';
import {
  actions,
  confirmOptOutButton,
  context,
  countWord,
  header,
  numberedSteps,
  organisationNote,
  section,
  settingButton,
  topicButtons,
  whereItAppliesSection,
} from './parts.js';

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
  /** Present for admins only. */
  admin: {
    optOutCount: number;
    feedback: { title: string; up: number; down: number }[];
    /** `kind` is "out-of-scope" or "did-you-mean"; `when` is already described. */
    unanswered: { question: string; kind: string; when: string }[];
    retentionDays: number;
  } | null;
}

/** The App Home tab: the change at a glance, an opt-out checklist, the person's status and, for admins, figures. */
export function buildHomeView(input: HomeInput): HomeView {
  const blocks: KnownBlock[] = [
    header('LinkedIn & AI training'),
    section(markdownToMrkdwn(input.overviewSummary)),
    whereItAppliesSection(input.regions),
    { type: 'divider' },
    header(`Opt out in ${countWord(input.optOutSteps.length)} ${input.optOutSteps.length === 1 ? 'step' : 'steps'}`),
    section(numberedSteps(input.optOutSteps, 'then tell me below.')),
    section(
      input.confirmedAt
        ? `✅ *You told me you opted out* on ${escapeMrkdwn(input.confirmedAt)}. Thank you!`
        : "⬜ *You haven't told me you opted out yet.* Opting out is your choice; if you do, press the button so your team knows.",
    ),
    ...actions(input.confirmedAt ? [settingButton(input.settingUrl)] : [settingButton(input.settingUrl), confirmOptOutButton()], 'home:checklist'),
    context(markdownToMrkdwn(input.optOutLimits)),
    { type: 'divider' },
    section('*Ask me anything about it:* `/linkedin-ai your question`, a direct message, or mention me in a channel.'),
    ...actions(topicButtons(input.topics.slice(0, 5), { region: null, country: null }), 'home:topics'),
    ...organisationNote(input.organisation),
  ];

  if (input.admin) {
    const a = input.admin;
    blocks.push({ type: 'divider' }, header('For admins'));
    blocks.push(section(`*People who told me they opted out:* ${a.optOutCount}`));
    const feedback = a.feedback.length
      ? a.feedback
          .slice(0, 20)
          .map((f) => `• ${escapeMrkdwn(f.title)}: 👍 ${f.up} · 👎 ${f.down}`)
          .join('\n')
      : '_No feedback yet._';
    blocks.push(section(`*Feedback per topic*\n${feedback}`));
    const unanswered = a.unanswered.length
      ? a.unanswered
          .map((q) => `• _“${quoteUserText(q.question, 150)}”_ (${q.kind === 'out-of-scope' ? 'out of scope' : 'unsure'}, ${escapeMrkdwn(q.when)})`)
          .join('\n')
      : '_None recently._';
    blocks.push(section(`*Recent questions I could not answer*\n${unanswered}`));
    blocks.push(context(`Unanswered questions are kept for ${a.retentionDays} days, then deleted automatically. Only admins see this section.`));
  }
  const { blocks: limited } = enforceLimits({ text: 'home', blocks: blocks.slice(0, LIMITS.blocksPerHomeTab) }, 'home');
  return { type: 'home', blocks: limited };
}
