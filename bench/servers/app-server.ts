/** The real app over HTTP, for bench:http. Prints its port on stdout. */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createSlackApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { createHttpServer } from '../../src/server.js';
import { Store } from '../../src/store/store.js';

const config = loadConfig({ ...process.env, DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'bench-')), 'bench.sqlite')}` });
const logger = pino({ level: 'warn' });
const store = await Store.open(config.DATABASE_URL);
const { app, httpReceiver } = createSlackApp({ config, kb: loadKnowledgeBase(), store, logger });
await app.init();
if (!httpReceiver) throw new Error('expected HTTP mode');
const { server } = createHttpServer({ receiver: httpReceiver, logger, readiness: async () => ({}) });
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
