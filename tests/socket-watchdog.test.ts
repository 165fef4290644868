import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSocket } from '../src/socket-watchdog.js';

describe('the Socket Mode watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives up when the connection stays down longer than allowed', () => {
    const socket = new EventEmitter();
    const onDown = vi.fn();
    watchSocket(socket, 60_000, onDown);
    socket.emit('connected');
    socket.emit('disconnected');
    socket.emit('reconnecting');
    vi.advanceTimersByTime(59_000);
    expect(onDown).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onDown).toHaveBeenCalledTimes(1);
  });

  it('forgives a disconnection that heals in time, and one caused by stopping', () => {
    const socket = new EventEmitter();
    const onDown = vi.fn();
    const watch = watchSocket(socket, 60_000, onDown);
    socket.emit('disconnected');
    vi.advanceTimersByTime(30_000);
    socket.emit('connected');
    vi.advanceTimersByTime(60_000);
    watch.stop();
    socket.emit('disconnected');
    vi.advanceTimersByTime(120_000);
    expect(onDown).not.toHaveBeenCalled();
  });
});
