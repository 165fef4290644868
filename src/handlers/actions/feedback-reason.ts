import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import { decodeReasonChoice } from '../../blocks/feedback-reason-card.js';
import type { Deps } from '../deps.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.feedbackReason;

/** The reason picked after 👎 or "Report a problem": kept for the admins, and the menu turns into thanks. */
export async function handle({ ack, body, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId } = clicked(body);
  const choice = decodeReasonChoice(action?.value);
  const value = decodeButtonValue(choice?.value);
  if (!choice || !value || !deps.kb.topics.has(value.topic)) return;
  const say = deps.kb.say(value.language ?? 'en');
  let text = say('thanks.reason');
  try {
    await deps.store.recordFeedbackReason({ teamId, userId, topic: value.topic, region: value.region ?? null, reason: choice.reason }, deps.now());
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record a feedback reason');
    text = say('sorry.notSaved');
  }
  await replySafely(deps.logger, 'the thanks for a feedback reason', () => respond({ replace_original: true, text }));
}
