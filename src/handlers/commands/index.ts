import type { AllMiddlewareArgs, AnyMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as linkedinAi from './linkedin-ai.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * Routes each slash command to its handler (one file each); true when it handled the request. Called
 * from the app's one global middleware, like the events' and buttons' routers: a Bolt listener would
 * cost every request a further pass through Bolt's listener machinery.
 */
export function route(deps: Deps): (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<boolean> {
  return async (args) => {
    if (!('command' in args) || args.command.command !== linkedinAi.COMMAND) return false;
    await linkedinAi.handle(args as CommandArgs, deps);
    return true;
  };
}
