import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import * as confirmOptOut from './confirm-opt-out.js';
import * as feedback from './feedback.js';
import * as openSetting from './open-setting.js';
import * as share from './share.js';
import * as topicButton from './topic-button.js';

export function register(app: App, deps: Deps): void {
  topicButton.register(app, deps);
  feedback.register(app, deps);
  confirmOptOut.register(app, deps);
  share.register(app, deps);
  openSetting.register(app);
}
