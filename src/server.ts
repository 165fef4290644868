import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';

/** Slack's rule: a request more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const EVENTS_PATH = '/slack/events';

export interface HttpServerOptions {
  receiver: HTTPReceiver;
  logger: Logger;
  health: () => Promise<Record<string, unknown>>;
  nowSeconds?: () => number;
}

/**
 * Slack's requests at POST /slack/events, GET /healthz for load balancers. Bolt checks the signature
 * and refuses old timestamps but accepts ones from the future; this refuses both before Bolt sees them.
 */
export function createHttpServer({ receiver, logger, health, nowSeconds = () => Date.now() / 1000 }: HttpServerOptions): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      health()
        .then((body) => json(res, 200, { ok: true, ...body }))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'health check failed');
          json(res, 503, { ok: false });
        });
      return;
    }
    if (path !== EVENTS_PATH) return json(res, 404, { ok: false, error: 'not_found' });
    if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method_not_allowed' });
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (!req.headers['x-slack-signature'] || !Number.isFinite(timestamp) || Math.abs(nowSeconds() - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      logger.warn(
        { path, timestamp: req.headers['x-slack-request-timestamp'] ?? null },
        'refused a request without a signature or with a stale or future timestamp',
      );
      req.resume();
      return json(res, 401, { ok: false, error: 'invalid_request' });
    }
    receiver.requestListener(req, res);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
