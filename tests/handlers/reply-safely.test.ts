import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { replySafely } from '../../src/handlers/reply-safely.js';

describe('replySafely', () => {
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    return { logger, lines };
  };

  it('sends the reply and logs nothing when it goes through', async () => {
    const { logger, lines } = capture();
    let sent = 0;
    await replySafely(logger, 'a note', async () => {
      sent++;
    });
    expect(sent).toBe(1);
    expect(lines).toEqual([]);
  });

  it('logs a failed reply at warn, with the error and what was being sent, and does not throw', async () => {
    const { logger, lines } = capture();
    await expect(
      replySafely(logger, 'the thanks for feedback', async () => {
        throw new Error('channel_not_found');
      }),
    ).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'could not send the thanks for feedback', err: { message: 'channel_not_found' } });
  });
});
