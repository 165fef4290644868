/** The baseline for bench:http: a minimal Bolt app that acks every /linkedin-ai with one fixed card. */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.WARN });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
const card = {
  response_type: 'ephemeral' as const,
  text: 'How to opt out: turn off Data for Generative AI Improvement.',
  blocks: [
    { type: 'header' as const, text: { type: 'plain_text' as const, text: 'How to opt out' } },
    {
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: 'Go to *Settings & Privacy → Data privacy → Data for Generative AI Improvement* and turn it off.' },
    },
  ],
};
app.command('/linkedin-ai', async ({ ack }) => {
  await ack(card);
});
// The same plain node:http server the real app uses, so only the work behind it differs.
const server = createServer(receiver.requestListener);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
