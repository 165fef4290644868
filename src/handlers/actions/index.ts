import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as confirmOptOut from './confirm-opt-out.js';
import * as details from './details.js';
import * as feedback from './feedback.js';
import * as openSetting from './open-setting.js';
import * as reminderAdmin from './reminder-admin.js';
import * as share from './share.js';
import * as topicButton from './topic-button.js';

const LISTENERS = [topicButton, feedback, confirmOptOut, share, details, openSetting, reminderAdmin];

const matches = (pattern: string | RegExp, id: string) => (typeof pattern === 'string' ? pattern === id : pattern.test(id));

/**
 * One Bolt listener routes every button to its handler (one file each). Bolt runs every registered
 * listener's matchers for every request: one listener per handler (and per event) cost 6-15% of
 * throughput in `npm run bench:http` (December 2026: 0.63-0.67× the minimal app against 0.72-0.85×).
 */
export function register(app: App, deps: Deps): void {
  const any = new RegExp(LISTENERS.map((l) => (typeof l.actionId === 'string' ? `^${l.actionId}$` : l.actionId.source)).join('|'));
  app.action({ type: 'block_actions', action_id: any }, async (args) => {
    const id = args.action.action_id;
    await LISTENERS.find((l) => matches(l.actionId, id))?.handle(args, deps);
  });
}
