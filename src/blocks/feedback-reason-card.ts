import type { KnownBlock } from '@slack/types';
import type { PlaceContext, TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
import { ACTIONS, encodeButtonValue, FEEDBACK_REASONS, type FeedbackReason } from './actions.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** After 👎 or "Report a problem": what was wrong, in one pick, so the editors know what to fix. */
export function buildFeedbackReasonCard(topic: TopicLink, place: PlaceContext & { language?: Language | undefined }, say: Say): SlackMessage {
  const value = encodeButtonValue({ topic: topic.id, region: place.region, country: place.country, ...(place.language ? { language: place.language } : {}) });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: `feedback-reason:${topic.id}`,
      text: { type: 'mrkdwn', text: say('reason.question', { topic: escapeMrkdwn(topic.label) }) },
      accessory: {
        type: 'static_select',
        action_id: ACTIONS.feedbackReason,
        placeholder: { type: 'plain_text', text: say('reason.pick') },
        options: (Object.keys(FEEDBACK_REASONS) as FeedbackReason[]).map((reason) => ({
          text: { type: 'plain_text', text: say(`reason.${reason}`) },
          value: `${reason} ${value}`,
        })),
      },
    },
  ];
  return enforceLimits({ text: say('reason.text', { topic: escapeMrkdwn(topic.label) }), blocks });
}

/** The reason and the topic a reason pick carried, or null for anything that is not ours. */
export function decodeReasonChoice(raw: string | undefined): { reason: FeedbackReason; value: string } | null {
  const match = raw?.match(/^([a-z-]+) (\{.*\})$/s);
  if (!match || !Object.hasOwn(FEEDBACK_REASONS, match[1] as string)) return null;
  return { reason: match[1] as FeedbackReason, value: match[2] as string };
}
