import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { MAX_BODY_BYTES, parsesToObject, readBody } from './http/body.js';

/** Slack's rule: a request more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const EVENTS_PATH = '/slack/events';

/** What a stranger can cost before Slack's signature is checked. */
export interface EdgeLimits {
  maxBodyBytes: number;
  /** Bodies being read (so not yet verified) at once; beyond this, 503 at once. */
  maxUnverifiedBodies: number;
  /** The whole request, headers and body, must arrive within this (Node's default is 300 s). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}

export const DEFAULT_LIMITS: EdgeLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxUnverifiedBodies: 64,
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
};

/** Idle keep-alive connections are closed after this; a drain at least this long leaves none open. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export interface HttpServerOptions {
  /** Slack's requests go here; without it (Socket Mode) only the health and metrics endpoints answer. */
  receiver?: HTTPReceiver;
  logger: Logger;
  /** For /readyz: what the replica depends on. It should not throw; a slow dependency reports itself degraded. */
  readiness: () => Promise<Record<string, unknown>>;
  /** For /metrics, in Prometheus' text format. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  nowSeconds?: () => number;
  limits?: Partial<EdgeLimits>;
}

export interface HttpEdge {
  server: Server;
  /** Starts the drain: /readyz answers 503 so the load balancer moves away, and every response closes its connection. */
  drain(): void;
  /** Stops accepting connections; resolves once every request under way has been answered. */
  close(): Promise<void>;
}

/**
 * Slack's requests at POST /slack/events; GET /healthz (liveness), /readyz (readiness), /metrics.
 * Bolt checks the signature and refuses old timestamps but accepts ones from the future; this
 * refuses both before Bolt sees them, and bounds what an unverified body may cost.
 */
export function createHttpServer({ receiver, logger, readiness, metrics, nowSeconds = () => Date.now() / 1000, limits }: HttpServerOptions): HttpEdge {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  let draining = false;
  let unverified = 0;
  // Responses not yet sent: a drain makes them close their connection too.
  const pending = new Set<ServerResponse>();

  const receive = async (slack: HTTPReceiver, req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit.maxBodyBytes) return refuse(res, 413, 'body_too_large');
    if (unverified >= limit.maxUnverifiedBodies) {
      logger.warn({ unverified }, 'refused a request: too many unverified bodies being read');
      return refuse(res, 503, 'busy');
    }
    unverified++;
    const read = await readBody(req, limit.maxBodyBytes).finally(() => unverified--);
    if ('refused' in read) return read.refused === 'too-large' ? refuse(res, 413, 'body_too_large') : undefined;
    if (!parsesToObject(req.headers['content-type'], read.body)) return json(res, 400, { ok: false, error: 'invalid_body' });
    // Bolt skips reading a request that carries its body already, and verifies the signature over it.
    (req as IncomingMessage & { rawBody: Buffer }).rawBody = read.body;
    slack.requestListener(req, res);
  };

  const server = createServer(
    { requestTimeout: limit.requestTimeoutMs, headersTimeout: limit.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    (req, res) => {
      if (draining) res.setHeader('connection', 'close');
      else {
        pending.add(res);
        res.once('close', () => pending.delete(res));
      }
      const path = (req.url ?? '/').split('?')[0];
      const read = req.method === 'GET' || req.method === 'HEAD';
      if (path === '/healthz' && read) return json(res, 200, { ok: true });
      if (path === '/readyz' && read) {
        if (draining) return json(res, 503, { ok: false, draining: true });
        readiness()
          .then((body) => json(res, 200, { ok: true, ...body }))
          .catch((error: unknown) => {
            logger.error({ err: error }, 'readiness check failed');
            json(res, 200, { ok: true, degraded: true });
          });
        return;
      }
      if (path === '/metrics' && read && metrics) {
        metrics()
          .then(({ contentType, body }) => {
            res.writeHead(200, { 'content-type': contentType });
            res.end(body);
          })
          .catch((error: unknown) => {
            logger.error({ err: error }, 'could not collect metrics');
            json(res, 500, { ok: false });
          });
        return;
      }
      if (path !== EVENTS_PATH || !receiver) return json(res, 404, { ok: false, error: 'not_found' });
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method_not_allowed' });
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      if (!req.headers['x-slack-signature'] || !Number.isFinite(timestamp) || Math.abs(nowSeconds() - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
        logger.warn(
          { path, timestamp: req.headers['x-slack-request-timestamp'] ?? null },
          'refused a request without a signature or with a stale or future timestamp',
        );
        return refuse(res, 401, 'invalid_request');
      }
      void receive(receiver, req, res);
    },
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return {
    server,
    drain: () => {
      draining = true;
      for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close');
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers without reading the body, and closes the connection so an unread body costs nothing more. */
function refuse(res: ServerResponse, status: number, error: string): void {
  res.setHeader('connection', 'close');
  json(res, status, { ok: false, error });
}
