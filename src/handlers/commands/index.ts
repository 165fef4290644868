import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as linkedinAi from './linkedin-ai.js';

export function register(app: App, deps: Deps): void {
  linkedinAi.register(app, deps);
}
