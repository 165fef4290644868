import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as appHomeOpened from './app-home-opened.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';

export function register(app: App, deps: Deps): void {
  appMention.register(app, deps);
  directMessage.register(app, deps);
  appHomeOpened.register(app, deps);
}
