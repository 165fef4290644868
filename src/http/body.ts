import type { IncomingMessage } from 'node:http';
import { parse } from 'node:querystring';

/**
 * The largest body accepted from Slack. Slack's biggest payloads (a block_actions from a 100-block
 * modal, a 40,000-character message with its rich_text copy) stay under about 300 KB even
 * URL-encoded, while a stranger's body is held in memory until its signature can be checked:
 * 512 KB leaves Slack room and keeps 64 stalled strangers under 32 MB.
 */
export const MAX_BODY_BYTES = 512 * 1024;

export type BodyResult = { body: Buffer } | { refused: 'too-large' | 'aborted' };

/** Reads a request body, giving up as soon as it grows past `limit` (chunked bodies have no Content-Length). */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest still flows, unread, until the refusal closes the connection.
        chunks.length = 0;
        finish({ refused: 'too-large' });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish({ body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    const onAbort = () => finish({ refused: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

const FORM = 'application/x-www-form-urlencoded';
const OPEN_BRACE = 0x7b;

/**
 * Whether Bolt will parse this body into an object. Bolt reads `body.ssl_check` outside any
 * try/catch, so a signed `null`, `[]` or `1` (or `payload=null`) would be an unhandled rejection.
 * Mirrors Bolt's parsing: a form's `payload` field, else the whole body, as JSON.
 */
export function parsesToObject(contentType: string | undefined, body: Buffer): boolean {
  if (contentType === FORM) {
    if (!body.includes('payload=')) return true;
    const { payload } = parse(body.toString());
    return typeof payload !== 'string' || /^[ \t\n\r]*\{/.test(payload);
  }
  // JSON whose first non-blank character is `{` parses to an object or fails to parse (Bolt's 400).
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === OPEN_BRACE;
  }
  return false;
}
