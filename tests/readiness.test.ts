import { describe, expect, it } from 'vitest';
import { databaseCheck } from '../src/http/readiness.js';

describe('the database check behind /readyz', () => {
  it('says ok when the query answers, degraded when it fails', async () => {
    expect(await databaseCheck(async () => 1)()).toBe('ok');
    expect(await databaseCheck(() => Promise.reject(new Error('ECONNREFUSED')))()).toBe('degraded');
  });

  it('says degraded when the database hangs, and does not pile more queries onto it', async () => {
    let queries = 0;
    const check = databaseCheck(() => {
      queries++;
      return new Promise(() => undefined);
    }, 20);
    expect(await check()).toBe('degraded');
    expect(await check()).toBe('degraded');
    expect(queries).toBe(1);
  });
});
