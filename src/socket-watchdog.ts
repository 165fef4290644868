/** The Socket Mode client's connection events (an EventEmitter of @slack/socket-mode). */
export interface SocketEvents {
  on(event: 'connected' | 'disconnected' | 'reconnecting', listener: () => void): unknown;
}

/**
 * Calls `onDown` once the Socket Mode connection has stayed down for `maxDownMs`. Bolt reconnects by
 * itself, but one that cannot come back (a revoked app token, a network that keeps dropping it)
 * would leave a process that looks alive and answers nobody; exiting lets the supervisor restart it.
 */
export function watchSocket(socket: SocketEvents, maxDownMs: number, onDown: () => void): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const down = () => {
    if (timer || stopped) return;
    timer = setTimeout(onDown, maxDownMs);
    timer.unref();
  };
  const up = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  socket.on('disconnected', down);
  socket.on('reconnecting', down);
  socket.on('connected', up);
  return {
    stop: () => {
      stopped = true;
      up();
    },
  };
}
