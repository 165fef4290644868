import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../blocks/actions.js';
import type { Deps } from '../deps.js';
import { publishHome } from '../events/app-home-opened.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.confirmOptOut;

/** "✅ I've opted out": recorded once per person, wherever the button is. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { teamId, userId, inView } = clicked(body);
  let reply: string;
  try {
    const first = await deps.store.confirmOptOut(teamId, userId, deps.now());
    reply = first ? "✅ Noted: you've opted out. Thank you!" : "✅ You'd already told me you opted out. Nothing more to do.";
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record an opt-out confirmation');
    reply = "Sorry, I couldn't record that just now. Please try again in a moment.";
  }
  try {
    if (inView) await publishHome(deps, client, teamId, userId);
    else await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not confirm the opt-out to the person');
  }
}
