import type { KnownBlock } from '@slack/types';
import type { ComposedAnswer, RegionView, TopicLink } from '../answers/compose.js';
import { enforceLimits, type SlackMessage, truncate } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain } from './mrkdwn.js';
import {
  actions,
  feedbackButtons,
  header,
  markdownSections,
  organisationNote,
  settingButton,
  sourcesContext,
  topicButtons,
  whereItAppliesSection,
} from './parts.js';

export interface OverviewCardInput {
  overview: ComposedAnswer;
  regions: RegionView[];
  /** The questions people ask most, as buttons. */
  topics: TopicLink[];
}

/** The change at a glance: the overview answer, each region's status, and the main questions as buttons. */
export function buildOverviewCard({ overview, regions, topics }: OverviewCardInput): SlackMessage {
  const blocks: KnownBlock[] = [
    header(overview.topic.title),
    ...markdownSections(overview.markdown),
    whereItAppliesSection(regions),
    ...organisationNote(overview.organisation),
    sourcesContext(overview.sources, overview.lastChecked),
    ...actions([settingButton(overview.settingUrl), ...topicButtons(topics.slice(0, 4), overview.context)], 'overview:next'),
    ...actions(topicButtons(topics.slice(4, 9), overview.context), 'overview:more'),
    ...feedbackButtons(overview.topic.id, overview.context),
  ];
  const text = `${escapeMrkdwn(overview.topic.title)}: ${truncate(mrkdwnToPlain(markdownToMrkdwn(overview.markdown)).replace(/\s+/g, ' '), 300)}`;
  return enforceLimits({ text, blocks });
}
