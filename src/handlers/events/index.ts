import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as appHomeOpened from './app-home-opened.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';

/** One typed Bolt listener per event; each handler lives in its own file. */
export function register(app: App, deps: Deps): void {
  app.event(appMention.eventType, (args) => appMention.handle(args, deps));
  app.event(directMessage.eventType, (args) => directMessage.handle(args, deps));
  app.event(appHomeOpened.eventType, (args) => appHomeOpened.handle(args, deps));
}
