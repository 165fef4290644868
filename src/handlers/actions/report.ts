import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { topicLink } from '../../answers/compose.js';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import { buildFeedbackReasonCard } from '../../blocks/feedback-reason-card.js';
import type { Deps } from '../deps.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.report;

/** "Report a problem" in an answer's menu: asks what was wrong; the pick is recorded like a 👎 with its reason. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, inView, userId } = clicked(body);
  const value = decodeButtonValue(action?.value);
  if (!value || !deps.kb.topics.has(value.topic)) return;
  const card = buildFeedbackReasonCard(
    topicLink(deps.kb, value.topic, value.language),
    { region: value.region ?? null, country: value.country ?? null, language: value.language },
    deps.kb.say(value.language ?? 'en'),
  );
  await replySafely(deps.logger, 'the question what was wrong', () =>
    // The Home tab has no message to answer under: the question goes to the app's DM.
    inView ? client.chat.postMessage({ channel: userId, ...card }) : respond({ response_type: 'ephemeral', replace_original: false, ...card }),
  );
}
