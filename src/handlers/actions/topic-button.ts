import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS, decodeButtonValue } from '../../blocks/actions.js';
import { countQuestion } from '../../metrics.js';
import { helpCard, topicCard } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { publishHome } from '../events/app-home-opened.js';
import { clicked } from './payload.js';
import { showCard } from './show-card.js';

export const actionId = new RegExp(`^${ACTIONS.topic}`);

/** Related topics, "also asked" and "did you mean": the topic's answer, keeping the place the person asked about. */
export async function handle(args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  const startedAt = performance.now();
  await args.ack();
  const value = decodeButtonValue(clicked(args.body).action?.value);
  const place = { region: value?.region ?? null, country: value?.country ?? null };
  if (!value || !deps.kb.topics.has(value.topic)) return showCard(args, deps, helpCard(deps.kb, value?.language), null);
  const { inView, teamId, userId } = clicked(args.body);
  // On the Home tab the answer appears on the tab itself, under the topic buttons.
  if (inView) return showOnHome(args, deps, teamId, userId, value);
  const language = value.language ?? 'en';
  await showCard(args, deps, topicCard(deps.kb, value.topic, place, deps.now(), language), { kind: 'topic', topic: value.topic, ...place, ...(value.language ? { language } : {}) });
  countQuestion({ surface: 'button', kind: 'answer', topic: value.topic, language }, startedAt);
}

async function showOnHome(
  { client }: AllMiddlewareArgs,
  deps: Deps,
  teamId: string,
  userId: string,
  value: NonNullable<ReturnType<typeof decodeButtonValue>>,
): Promise<void> {
  try {
    await publishHome(deps, client, teamId, userId, value);
  } catch (error) {
    deps.logger.error({ err: error }, 'could not show a topic on the Home tab');
  }
}
