import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeCardRequest } from '../../blocks/actions.js';
import { countQuestion } from '../../metrics.js';
import { helpCard, replyTo } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { clicked } from './payload.js';
import { showCard } from './show-card.js';

export const actionId = new RegExp(`^${ACTIONS.ask}(:\\d+)?$`);

/** An example question on the help card, clicked: answered as if it had been asked. */
export async function handle(args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  const startedAt = performance.now();
  await args.ack();
  const request = decodeCardRequest(clicked(args.body).action?.value);
  if (request?.kind !== 'question') return showCard(args, deps, helpCard(deps.kb, request?.language), null);
  const { result, message, language } = replyTo(deps.kb, request.question, deps.now(), { language: request.language });
  await showCard(args, deps, message, request);
  countQuestion({ surface: 'button', kind: result.kind, topic: result.topic, language }, startedAt);
}
