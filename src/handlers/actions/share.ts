import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeCardRequest } from '../../blocks/actions.js';
import { sharedBy } from '../../blocks/parts.js';
import { cardForRequest } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.share;

/** "Share in channel": posts the same card for everyone, marked as shared by whoever clicked. */
export async function handle({ ack, body, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, userId } = clicked(body);
  const request = decodeCardRequest(action?.value);
  // The card's language; for a value we cannot read, the clicker's Slack language if already known.
  const say = deps.kb.say(request?.language ?? knownLanguage(deps, userId));
  if (!request) {
    await replySafely(deps.logger, 'the apology for a card that could not be shared', () =>
      respond({ response_type: 'ephemeral', replace_original: false, text: say('sorry.share') }),
    );
    return;
  }
  const card = sharedBy(cardForRequest(deps.kb, request, deps.now()), userId, say);
  try {
    await respond({ response_type: 'in_channel', replace_original: false, text: card.text, blocks: card.blocks });
  } catch (error) {
    deps.logger.error({ err: error }, 'could not share a card in the channel');
    await replySafely(deps.logger, 'the note that the channel refused the card', () =>
      respond({ response_type: 'ephemeral', replace_original: false, text: say('sorry.channel') }),
    );
    return;
  }
  // Shared: the private copy can go. If it cannot, it simply stays.
  await replySafely(deps.logger, 'the removal of the private copy of a shared card', () => respond({ delete_original: true }));
}
