import type { KnownBlock } from '@slack/types';
import type { PlaceContext, RegionView, TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { regionCallout } from './answer-card.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain } from './mrkdwn.js';
import { actions, feedbackButtons, header, organisationNote, settingButton, sourcesContext, topicButtons } from './parts.js';

export interface RegionCardInput {
  region: RegionView;
  organisation: Organisation | null;
  /** Topics to offer next (how to opt out, which data…). */
  next: TopicLink[];
  /** The topic that 👍/👎 on a region card rate ("does it apply here?"). */
  feedbackTopic: string;
  settingUrl: string;
}

/** How things stand in one region: whether data is used, since when, what changed, local notes. */
export function buildRegionCard({ region, organisation, next, feedbackTopic, settingUrl }: RegionCardInput): SlackMessage {
  const place: PlaceContext = { region: region.id, country: null };
  const blocks: KnownBlock[] = [
    header(`LinkedIn AI training: ${region.name}`),
    ...regionCallout(region, true),
    ...organisationNote(organisation),
    sourcesContext(region.sources, region.lastChecked),
    ...actions([settingButton(settingUrl), ...topicButtons(next, place)], `region:${region.id}`),
    ...feedbackButtons(feedbackTopic, place),
  ];
  const text = `LinkedIn AI training in ${escapeMrkdwn(region.name)}: ${mrkdwnToPlain(markdownToMrkdwn(region.status))}`;
  return enforceLimits({ text, blocks });
}
