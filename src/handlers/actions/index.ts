import type { App } from '@slack/bolt';
import { ACTIONS } from '../../blocks/actions.js';
import type { Deps } from '../deps.js';
import * as askExample from './ask-example.js';
import * as confirmOptOut from './confirm-opt-out.js';
import * as details from './details.js';
import * as feedback from './feedback.js';
import * as feedbackReason from './feedback-reason.js';
import * as openSetting from './open-setting.js';
import { clickOf } from './payload.js';
import * as reminderAdmin from './reminder-admin.js';
import * as report from './report.js';
import * as share from './share.js';
import * as topicButton from './topic-button.js';

const LISTENERS = [topicButton, askExample, feedback, feedbackReason, report, confirmOptOut, share, details, openSetting, reminderAdmin];

/** Elements that stand for several of the actions above (see `encodeChoice`): routed by the choice made. */
const CHOOSERS = [ACTIONS.more, ACTIONS.feedback];

const matches = (pattern: string | RegExp, id: string) => (typeof pattern === 'string' ? pattern === id : pattern.test(id));

/**
 * One Bolt listener routes every button to its handler (one file each). Bolt runs every registered
 * listener's matchers for every request: one listener per handler (and per event) cost 6-15% of
 * throughput in `npm run bench:http` (December 2026: 0.63-0.67× the minimal app against 0.72-0.85×).
 */
export function register(app: App, deps: Deps): void {
  const ids = [...LISTENERS.map((l) => l.actionId), ...CHOOSERS];
  const any = new RegExp(ids.map((id) => (typeof id === 'string' ? `^${id}$` : id.source)).join('|'));
  app.action({ type: 'block_actions', action_id: any }, async (args) => {
    const id = clickOf(args.body)?.action_id;
    const listener = id === undefined ? undefined : LISTENERS.find((l) => matches(l.actionId, id));
    if (listener) await listener.handle(args, deps);
    else await args.ack();
  });
}
