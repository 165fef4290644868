/** The baseline for bench:http: a minimal Bolt app that acks every /linkedin-ai with the card the app would send, made in advance. */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { CardRequest } from '../../src/blocks/actions.js';
import { withShareButton } from '../../src/blocks/parts.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { replyTo, shareLabel } from '../../src/replies/reply.js';
import { benchQuestions } from '../questions.js';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.WARN });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
// The same card the app sends for each question, built before the server starts: the baseline pays
// for Bolt and the bytes of the answer, not for reading the question.
const kb = loadKnowledgeBase();
const cards = new Map<string, object>();
function cardFor(text: string): object {
  let card = cards.get(text);
  if (!card) {
    const reply = replyTo(kb, text);
    const request: CardRequest = { kind: 'question', question: text, ...(reply.language === 'en' ? {} : { language: reply.language }) };
    card = { response_type: 'ephemeral' as const, ...withShareButton(reply.message, request, shareLabel(kb, request)) };
    cards.set(text, card);
  }
  return card;
}
for (const q of benchQuestions) cardFor(q);
app.command('/linkedin-ai', async ({ ack, command }) => {
  await ack(cardFor(command.text));
});
// The same plain node:http server the real app uses, so only the work behind it differs.
const server = createServer(receiver.requestListener);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
