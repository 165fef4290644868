import { describe, expect, it } from 'vitest';
import { withoutAddressing } from '../../src/engine/reader.js';

describe('withoutAddressing', () => {
  it.each([
    ['@channel does linkedin use our DMs', 'does linkedin use our DMs'],
    ['<!here> how do I opt out', 'how do I opt out'],
    ['hi @dana.k and <@U123ABC>, is Canada in?', 'hi and , is Canada in?'],
  ])('%s → %s', (text, expected) => {
    expect(withoutAddressing(text).replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it('keeps an e-mail address, which is content, not addressing', () => {
    expect(withoutAddressing('write to privacy@example.com')).toBe('write to privacy@example.com');
  });
});
