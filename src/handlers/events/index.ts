import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as appHomeOpened from './app-home-opened.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';

/** One Bolt listener routes each event type to its handler (one file each), as for buttons. */
export function register(app: App, deps: Deps): void {
  const types = new RegExp(`^(${[appMention, directMessage, appHomeOpened].map((l) => l.eventType).join('|')})$`);
  app.event(types, async (args: SlackEventMiddlewareArgs & AllMiddlewareArgs) => {
    switch (args.event.type) {
      case appMention.eventType:
        return appMention.handle(args as SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs, deps);
      case directMessage.eventType:
        return directMessage.handle(args as SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs, deps);
      case appHomeOpened.eventType:
        return appHomeOpened.handle(args as SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, deps);
    }
  });
}
