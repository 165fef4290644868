import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** An unmasked server frame: text (0x1) or pong (0xA), payloads under 126 bytes as here. */
function frame(opcode: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload]);
}

/**
 * A stand-in for Slack's Socket Mode WebSocket endpoint, just enough for the real client: the
 * handshake, a `hello` (Slack's "you are connected"), pongs for the client's pings. `drop()` cuts every
 * connection and `refuse` turns new ones away, as when Slack or the network is gone for good.
 */
export class FakeSocketMode {
  url = '';
  refuse = false;
  connections = 0;
  private readonly sockets = new Set<Duplex>();
  private readonly server: Server = createServer((_req, res) => res.writeHead(404).end());

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket) => {
      if (this.refuse) return socket.destroy();
      const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${WEBSOCKET_GUID}`).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1 }))));
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.on('data', (data: Buffer) => this.answerPings(socket, data));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
    return this;
  }

  /** Client frames are masked; a ping (0x9) gets a pong with the same payload. Other frames are ignored. */
  private answerPings(socket: Duplex, data: Buffer): void {
    let at = 0;
    while (at + 2 <= data.length) {
      const opcode = (data[at] as number) & 0x0f;
      const length = (data[at + 1] as number) & 0x7f;
      if (length >= 126) return;
      const mask = data.subarray(at + 2, at + 6);
      const payload = Buffer.from(data.subarray(at + 6, at + 6 + length).map((b, i) => b ^ (mask[i % 4] as number)));
      if (opcode === 0x9) socket.write(frame(0xa, payload));
      at += 6 + length;
    }
  }

  drop(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
