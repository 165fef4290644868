/** A wait that outlasted its deadline; the work itself may still finish later. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * `work`, or a DeadlineError after `ms`: for waits on the database that must not hold up an answer.
 * The work is not cancelled; if it finishes later, its result is simply not waited for.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} took longer than ${ms} ms`)), ms);
  });
  // A late rejection of `work` must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
