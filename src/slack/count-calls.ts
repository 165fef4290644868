import { WebClient } from '@slack/web-api';
import { countSlackCall } from '../metrics.js';

let installed = false;

/**
 * Counts every Web API call (Bolt's clients, per-token clients, the reminders' own) by method and
 * error. A client binds its methods (chat.postMessage…) to `apiCall` when it is built, so wrapping
 * the prototype once, before any client exists, is the one place that sees them all; it adds one
 * counter increment per call.
 */
export function countSlackCalls(): void {
  if (installed) return;
  installed = true;
  const apiCall = WebClient.prototype.apiCall;
  WebClient.prototype.apiCall = async function (this: WebClient, method, options) {
    try {
      const result = await apiCall.call(this, method, options);
      countSlackCall(method, undefined);
      return result;
    } catch (error) {
      countSlackCall(method, error);
      throw error;
    }
  };
}
