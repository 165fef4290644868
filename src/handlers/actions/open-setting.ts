import type { App } from '@slack/bolt';
import { ACTIONS } from '../../blocks/actions.js';

/** A link button still sends a click to the app, which Slack expects acknowledged. */
export function register(app: App): void {
  app.action({ type: 'block_actions', action_id: ACTIONS.openSetting }, async ({ ack }) => {
    await ack();
  });
}
