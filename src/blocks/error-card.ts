import { enforceLimits, type SlackMessage } from './limits.js';
import { context, section } from './parts.js';

/** What a person sees if building their answer ever fails: an apology and what to try, never a stack trace. */
export function buildErrorCard(): SlackMessage {
  const text = '😕 Sorry, something went wrong while I was answering. Please try again, or ask in other words.';
  return enforceLimits({ text, blocks: [section(text), context('`/linkedin-ai help` lists what I can answer.')] });
}
