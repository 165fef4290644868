import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface FakeCall {
  method: string;
  /** Parsed form or JSON body; `blocks` left as sent (a JSON string inside forms). */
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
  /** The HTTP status answered, and whether the body said ok (a Slack error answers 200 with ok false). */
  status?: number;
  ok?: boolean;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A reply, none (the next responder or the default answers), or a promise of either: a test can hold an answer back. */
type Responder = (call: FakeCall) => FakeReply | undefined | Promise<FakeReply | undefined>;

const DEFAULTS: Record<string, (call: FakeCall) => unknown> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://example.slack.com/',
    team: 'Example',
    user: 'linkedin-ai',
    team_id: 'T1',
    user_id: 'UBOT',
    bot_id: 'B1',
  }),
  'chat.postMessage': (call) => ({
    ok: true,
    channel: call.body.channel,
    ts: `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
  }),
  'chat.postEphemeral': () => ({ ok: true, message_ts: '1.2' }),
  'chat.update': (call) => ({ ok: true, channel: call.body.channel, ts: call.body.ts }),
  'chat.getPermalink': (call) => ({
    ok: true,
    channel: call.body.channel,
    permalink: `https://example.slack.com/archives/${call.body.channel}/p${String(call.body.message_ts).replace('.', '')}`,
  }),
  'views.publish': () => ({ ok: true, view: { id: 'V1' } }),
  'users.info': (call) => ({ ok: true, user: { id: call.body.user, is_admin: false, is_owner: false, tz: 'Europe/London' } }),
  'conversations.join': (call) => ({ ok: true, channel: { id: call.body.channel } }),
  'conversations.open': () => ({ ok: true, channel: { id: 'D1' } }),
};

/**
 * A local stand-in for Slack's Web API (and for response_url hooks) that the app reaches through
 * SLACK_API_URL. It records every call and answers like Slack, or as a test tells it to.
 */
export class FakeSlack {
  readonly calls: FakeCall[] = [];
  private server: Server | null = null;
  private readonly responders: Responder[] = [];

  /** Base address to use as SLACK_API_URL. */
  apiUrl = '';
  /** Base address for response_url values. */
  hooksUrl = '';
  /** How long each answer is held back, like a real network round trip. */
  latencyMs = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path;
        const call: FakeCall = { method, body: parseBody(raw, req.headers['content-type']), headers: req.headers, at: Date.now() };
        this.calls.push(call);
        let reply: FakeReply | undefined;
        for (const responder of this.responders) {
          reply = await responder(call);
          if (reply) break;
        }
        if (!reply) {
          const make = DEFAULTS[method];
          reply = { body: path.startsWith('/hooks/') ? 'ok' : make ? make(call) : { ok: true } };
        }
        call.status = reply.status ?? 200;
        call.ok = call.status === 200 && (typeof reply.body === 'string' || (reply.body as { ok?: boolean }).ok !== false);
        const send = (r: FakeReply) => {
          res.writeHead(r.status ?? 200, { 'content-type': typeof r.body === 'string' ? 'text/plain' : 'application/json', ...r.headers });
          res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
        };
        if (this.latencyMs > 0) setTimeout(() => send(reply as FakeReply), this.latencyMs);
        else send(reply);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api/`;
    this.hooksUrl = `http://127.0.0.1:${port}/hooks/`;
    return this;
  }

  /** Answers calls a responder claims (by returning a reply) instead of the defaults. */
  respond(responder: Responder): void {
    this.responders.unshift(responder);
  }

  calledMethods(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.responders.length = 0;
  }

  /** Waits until `predicate` holds for the calls so far, or fails after `timeoutMs`. */
  async waitFor(predicate: (calls: FakeCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline)
        throw new Error(`fake Slack: condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
