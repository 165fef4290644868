import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import { withShareButton } from '../../blocks/parts.js';
import { helpCard, topicCard } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { clicked } from './payload.js';

export const actionId = new RegExp(`^${ACTIONS.topic}`);

/** Related topics, "also asked" and "did you mean" buttons: the answer replaces the card in place where only the clicker sees it. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, userId, inView, ephemeral, inDm } = clicked(body);
  const value = decodeButtonValue(action?.value);
  const place = { region: value?.region ?? null, country: value?.country ?? null };
  const card = value && deps.kb.topics.has(value.topic) ? topicCard(deps.kb, value.topic, place, deps.now()) : helpCard(deps.kb);
  try {
    if (inView) {
      // A button on the Home tab has no message to replace: the answer goes to the app's DM.
      await client.chat.postMessage({ channel: userId, text: card.text, blocks: card.blocks });
    } else if (ephemeral || inDm) {
      // Only the clicker sees this card: answer in place.
      const message = ephemeral && value ? withShareButton(card, { kind: 'topic', topic: value.topic, region: place.region, country: place.country }) : card;
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    } else {
      // A card the whole channel sees stays as it is; the clicker gets the answer to themselves.
      const message = value ? withShareButton(card, { kind: 'topic', topic: value.topic, region: place.region, country: place.country }) : card;
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    }
  } catch (error) {
    deps.logger.error({ err: error }, 'could not show the topic a button asked for');
  }
}
