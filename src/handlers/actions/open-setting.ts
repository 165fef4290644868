import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../blocks/actions.js';

export const actionId = ACTIONS.openSetting;

/** A link button still sends a click to the app, which Slack expects acknowledged. */
export async function handle({ ack }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
  await ack();
}
