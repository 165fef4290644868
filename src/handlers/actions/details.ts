import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeCardRequest } from '../../blocks/actions.js';
import { detailsFor } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.details;

/** "Details": opens the full answer in a modal, with the click's trigger_id (valid for 3 seconds). */
export async function handle({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, userId } = clicked(body);
  const request = decodeCardRequest(action?.value);
  const view = request ? detailsFor(deps.kb, request, deps.now()) : null;
  // Apologies in the card's language; for a value we cannot read, the clicker's Slack language if already known.
  const say = () => deps.kb.say(request?.language ?? knownLanguage(deps, userId));
  if (!view) {
    await replySafely(deps.logger, 'the note that details are not available', () =>
      respond({ response_type: 'ephemeral', replace_original: false, text: say()('sorry.details') }),
    );
    return;
  }
  try {
    await client.views.open({ trigger_id: body.trigger_id, view });
  } catch (error) {
    deps.logger.error({ err: error }, 'could not open the details');
    await replySafely(deps.logger, 'the note that details could not open', () =>
      respond({ response_type: 'ephemeral', replace_original: false, text: say()('sorry.detailsOpen') }),
    );
  }
}
