import type { AllMiddlewareArgs, AnyMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
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

/** The action ids this app answers: its buttons', and the menus that stand for several of them. */
const ROUTED = [...LISTENERS.map((l) => l.actionId), ...CHOOSERS];

const matches = (pattern: string | RegExp, id: string) => (typeof pattern === 'string' ? pattern === id : pattern.test(id));

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Narrows a request's arguments to those of a button click (or menu choice) in a message or view. */
function isBlockAction(args: AnyMiddlewareArgs & AllMiddlewareArgs): args is ActionArgs {
  return 'action' in args && args.body.type === 'block_actions';
}

/**
 * Routes every button to its handler (one file each); true when it handled the request. The app's one
 * global middleware calls it instead of a Bolt listener: Bolt runs every listener and middleware, with
 * its own copy of the arguments, on every request. In `npm run bench:http` (December 2026) a listener
 * each for events and buttons kept a slash command at 0.72-0.78× the minimal app, a middleware each at
 * 0.70×; routed from the one middleware, 0.84-0.92×; with the command routed there too (no Bolt listener
 * at all), 1.02-1.07× the minimal app's CPU time per request.
 */
export function route(deps: Deps): (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<boolean> {
  return async (args) => {
    if (!isBlockAction(args)) return false;
    const clicked = args.body.actions[0]?.action_id;
    if (clicked === undefined || !ROUTED.some((pattern) => matches(pattern, clicked))) return false;
    const id = clickOf(args.body)?.action_id;
    const listener = id === undefined ? undefined : LISTENERS.find((l) => matches(l.actionId, id));
    if (listener) await listener.handle(args, deps);
    else await args.ack();
    return true;
  };
}
