import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { CardRequest } from '../../blocks/actions.js';
import type { SlackMessage } from '../../blocks/limits.js';
import { withShareButton } from '../../blocks/parts.js';
import { shareLabel } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { clicked } from './payload.js';

/**
 * Shows the card a click asked for where the clicker looks: in place where only they see it, to
 * themselves under a card the whole channel sees, in the app's DM from the Home tab. `request` makes
 * it shareable where it is private.
 */
export async function showCard(
  { body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  deps: Deps,
  card: SlackMessage,
  request: CardRequest | null,
): Promise<void> {
  const { userId, inView, ephemeral, inDm } = clicked(body);
  try {
    if (inView) {
      // A button on the Home tab has no message to replace: the answer goes to the app's DM.
      await client.chat.postMessage({ channel: userId, text: card.text, blocks: card.blocks });
    } else if (ephemeral || inDm) {
      const message = ephemeral && request ? withShareButton(card, request, shareLabel(deps.kb, request)) : card;
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    } else {
      // A card the whole channel sees stays as it is; the clicker gets the answer to themselves.
      const message = request ? withShareButton(card, request, shareLabel(deps.kb, request)) : card;
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    }
  } catch (error) {
    deps.logger.error({ err: error }, 'could not show the card a click asked for');
  }
}
