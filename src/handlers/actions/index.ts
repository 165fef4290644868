import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as confirmOptOut from './confirm-opt-out.js';
import * as feedback from './feedback.js';
import * as openSetting from './open-setting.js';
import * as reminderAdmin from './reminder-admin.js';
import * as share from './share.js';
import * as topicButton from './topic-button.js';

/** One typed Bolt listener per button kind; each handler lives in its own file. */
export function register(app: App, deps: Deps): void {
  for (const listener of [topicButton, feedback, confirmOptOut, share, reminderAdmin]) {
    app.action({ type: 'block_actions', action_id: listener.actionId }, (args) => listener.handle(args, deps));
  }
  app.action({ type: 'block_actions', action_id: openSetting.actionId }, (args) => openSetting.handle(args));
}
