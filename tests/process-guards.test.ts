import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { guardProcess } from '../src/process-guards.js';

const TOKEN = 'xoxb-123-456-secret';

function setUp() {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  const proc = new EventEmitter();
  const exits: number[] = [];
  guardProcess(proc, createLogger('info', stream, [TOKEN]), (code) => exits.push(code));
  return { proc, exits, written: () => written };
}

describe('the process guards', () => {
  it('log an unhandled rejection, masked, and keep the process running', () => {
    const { proc, exits, written } = setUp();
    proc.emit('unhandledRejection', new Error(`call with ${TOKEN} failed`), Promise.resolve());
    proc.emit('unhandledRejection', null, Promise.resolve());
    expect(exits).toEqual([]);
    expect(written()).toContain('nobody handled it');
    expect(written()).not.toContain(TOKEN);
  });

  it('log an uncaught exception, masked, and exit non-zero', () => {
    const { proc, exits, written } = setUp();
    proc.emit('uncaughtException', new Error(`bad ${TOKEN}`));
    expect(exits).toEqual([1]);
    expect(written()).toContain('"level":"fatal"');
    expect(written()).not.toContain(TOKEN);
  });
});
