import type { App } from '@slack/bolt';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import type { Deps } from '../deps.js';
import { clicked } from './payload.js';

export function register(app: App, deps: Deps): void {
  for (const [actionId, vote] of [[ACTIONS.feedbackUp, 'up'], [ACTIONS.feedbackDown, 'down']] as const) {
    app.action({ type: 'block_actions', action_id: actionId }, async ({ ack, body, respond }) => {
      await ack();
      const { action, teamId, userId } = clicked(body);
      const value = decodeButtonValue(action?.value);
      if (!value || !deps.kb.topics.has(value.t)) return;
      let thanks = vote === 'up' ? '🙏 Thanks, glad it helped!' : '🙏 Thanks for telling me. The privacy team will see it and improve the answer.';
      try {
        await deps.store.recordFeedback({ teamId, userId, topic: value.t, region: value.r ?? null, vote }, deps.now());
      } catch (error) {
        deps.logger.error({ err: error }, 'could not record feedback');
        thanks = "Sorry, I couldn't save your feedback just now. Please try again in a moment.";
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: thanks }).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not thank for feedback'));
    });
  }
}
