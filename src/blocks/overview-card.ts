import type { KnownBlock } from '@slack/types';
import { groupBySince, type ComposedAnswer, type RegionView, type TopicLink } from '../engine/compose.js';
import { enforceLimits, truncate, type SlackMessage } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain } from './mrkdwn.js';
import {
  actions,
  feedbackButtons,
  header,
  markdownSections,
  organisationNote,
  section,
  settingButton,
  sourcesContext,
  topicButtons,
} from './parts.js';

export interface OverviewCardInput {
  overview: ComposedAnswer;
  regions: RegionView[];
  /** The questions people ask most, as buttons. */
  topics: TopicLink[];
}

/** The change at a glance: the overview answer, each region's status, and the main questions as buttons. */
export function buildOverviewCard({ overview, regions, topics }: OverviewCardInput): SlackMessage {
  const regionLines = groupBySince(regions).map((g) => `• *${escapeMrkdwn(g.names.join(', '))}:* ${escapeMrkdwn(g.since)}`);
  const blocks: KnownBlock[] = [
    header(overview.topic.title),
    ...markdownSections(overview.markdown),
    section(`*Where LinkedIn uses members' data for AI training (unless they opt out)*\n${regionLines.join('\n')}`),
    ...organisationNote(overview.organisation),
    sourcesContext(overview.sources, overview.lastChecked),
    ...actions([settingButton(), ...topicButtons(topics.slice(0, 4), overview.context)], 'overview:next'),
    ...actions(topicButtons(topics.slice(4, 9), overview.context), 'overview:more'),
    ...feedbackButtons(overview.topic.id, overview.context),
  ];
  const text = `${escapeMrkdwn(overview.topic.title)}: ${truncate(mrkdwnToPlain(markdownToMrkdwn(overview.markdown)).replace(/\s+/g, ' '), 300)}`;
  return enforceLimits({ text, blocks });
}
