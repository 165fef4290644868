import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as linkedinAi from './linkedin-ai.js';

/** One typed Bolt listener per command; the handler lives in its own file. */
export function register(app: App, deps: Deps): void {
  app.command(linkedinAi.COMMAND, (args) => linkedinAi.handle(args, deps));
}
