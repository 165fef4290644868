import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
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
 * One Bolt listener routes each event type to its handler (one file each), as for buttons: Bolt runs
 * every listener's matchers on every request, and one listener per event cost 6-15% of throughput
 * in `npm run bench:http` (December 2026: 0.63-0.67× the minimal app against 0.72-0.85×).
 */
export function register(app: App, deps: Deps): void {
  const types = new RegExp(`^(${[appMention, directMessage, appHomeOpened].map((l) => l.eventType).join('|')})$`);
  app.event(types, async (args: EventArgs) => {
    if (isEvent(args, appMention.eventType)) return appMention.handle(args, deps);
    if (isEvent(args, directMessage.eventType)) return directMessage.handle(args, deps);
    if (isEvent(args, appHomeOpened.eventType)) return appHomeOpened.handle(args, deps);
  });
}
