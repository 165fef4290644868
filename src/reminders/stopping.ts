/** A wait cut short because the scheduler is stopping: nothing was posted in it. */
export class Stopped extends Error {
  override name = 'Stopped';
}

/** `sleep(ms)`, ended early by `signal`; throws Stopped when the signal has fired. */
export async function pause(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new Stopped();
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new Stopped();
}
