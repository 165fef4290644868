import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { topicLink } from '../../answers/compose.js';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import { buildFeedbackReasonCard } from '../../blocks/feedback-reason-card.js';
import type { Deps } from '../deps.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = new RegExp(`^(${ACTIONS.feedbackUp}|${ACTIONS.feedbackDown})$`);

/** 👍/👎 under an answer: recorded per topic for the admins; 👎 asks what was wrong. */
export async function handle({ ack, body, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId } = clicked(body);
  const vote = action?.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
  const value = decodeButtonValue(action?.value);
  if (!value || !deps.kb.topics.has(value.topic)) return;
  try {
    await deps.store.recordFeedback({ teamId, userId, topic: value.topic, region: value.region ?? null, vote }, deps.now());
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record feedback');
    const sorry = deps.kb.say(value.language ?? 'en')('sorry.notSaved');
    await replySafely(deps.logger, 'the note that feedback was not saved', () => respond({ response_type: 'ephemeral', replace_original: false, text: sorry }));
    return;
  }
  const reply =
    vote === 'up'
      ? { text: deps.kb.say(value.language ?? 'en')('thanks.up') }
      : buildFeedbackReasonCard(
          topicLink(deps.kb, value.topic, value.language),
          { region: value.region ?? null, country: value.country ?? null, language: value.language },
          deps.kb.say(value.language ?? 'en'),
        );
  await replySafely(deps.logger, 'the reply to feedback', () => respond({ response_type: 'ephemeral', replace_original: false, ...reply }));
}
