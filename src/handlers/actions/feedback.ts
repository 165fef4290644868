import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import type { Deps } from '../deps.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = new RegExp(`^(${ACTIONS.feedbackUp}|${ACTIONS.feedbackDown})$`);

/** 👍/👎 under an answer: recorded per topic for the admins, and the person is thanked. */
export async function handle({ ack, body, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId } = clicked(body);
  const vote = action?.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
  const value = decodeButtonValue(action?.value);
  if (!value || !deps.kb.topics.has(value.topic)) return;
  let thanks = vote === 'up' ? '🙏 Thanks, glad it helped!' : '🙏 Thanks for telling me. The privacy team will see it and improve the answer.';
  try {
    await deps.store.recordFeedback({ teamId, userId, topic: value.topic, region: value.region ?? null, vote }, deps.now());
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record feedback');
    thanks = "Sorry, I couldn't save your feedback just now. Please try again in a moment.";
  }
  await replySafely(deps.logger, 'the thanks for feedback', () => respond({ response_type: 'ephemeral', replace_original: false, text: thanks }));
}
