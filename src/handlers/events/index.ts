import type { AllMiddlewareArgs, AnyMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as appHomeOpened from './app-home-opened.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';

type EventArgs<T extends string = string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** Narrows the arguments of the one event listener to those of one event type. */
function isEvent<T extends string>(args: EventArgs, type: T): args is EventArgs & EventArgs<T> {
  return args.event.type === type;
}

/**
 * Routes each event type to its handler (one file each); true when it handled the request. The app's
 * one global middleware calls it, as it does the buttons' router, instead of a Bolt listener: every
 * listener or middleware costs every request (see actions/index.ts for the figures).
 */
export function route(deps: Deps): (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<boolean> {
  const types = new RegExp(`^(${[appMention, directMessage, appHomeOpened].map((l) => l.eventType).join('|')})$`);
  return async (args) => {
    if (!('event' in args) || !types.test(args.event.type)) return false;
    if (isEvent(args, appMention.eventType)) await appMention.handle(args, deps);
    else if (isEvent(args, directMessage.eventType)) await directMessage.handle(args, deps);
    else if (isEvent(args, appHomeOpened.eventType)) await appHomeOpened.handle(args, deps);
    return true;
  };
}
