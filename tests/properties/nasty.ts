import fc from 'fast-check';
import type { SlackMessage } from '../../src/blocks/limits.js';

/** Mention and special-command openers that must never come out of someone's text. */
export const MENTION_SEQUENCES = ['<!channel', '<!here', '<!everyone', '<@', '<!subteam'] as const;

const CONTROL_CHARS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

/** Hand-picked inputs that have broken chat apps before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \n\t  \r\n ',
  'x'.repeat(10_000),
  'word '.repeat(2_000),
  '<!channel> '.repeat(910),
  '😀'.repeat(5_000),
  '😀🎉👍🏽👨‍👩‍👧🇨🇦',
  CONTROL_CHARS,
  `a${CONTROL_CHARS}b\u007f\u0085\u009f`,
  '\u202etxt.exe\u202c \u2066isolate\u2069 \u200b\u200d\ufeff',
  '**x** <script>alert(1)</script>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123ABC>',
  '<@U123ABC|bob>',
  '<!subteam^S1>',
  '<!subteam^S1|@team>',
  '<#C123|general>',
  '&amp;&lt;',
  '&lt;!channel&gt;',
  '&',
  '<',
  '>',
  '<<!channel>>',
  '<\u200b!channel>',
  '<!chan\u0000nel>',
  '<\n!here>',
  '[x](javascript:alert(1))',
  '[<!here>](https://example.com)',
  '<https://evil.example|<!channel>>',
  '<https://evil.example|click>',
  '# <!everyone>\n\n- <@U1>\n- <!here>',
  '```\n<!channel>\n```',
  '`<!here>`',
  '> <!channel>\n> <@U2>',
  '*'.repeat(300),
  '_'.repeat(300),
  '[['.repeat(100),
  '\\<!channel\\>',
  '| a | b |\n|---|---|\n| <!here> | 2 |',
  'How do I opt out? <!channel>',
  'Does this apply to our <@U123ABC> Toronto office?',
  'Wie kann ich widersprechen? Ich sitze in Wien. <!here>',
  'Ｈｏｗ ｄｏ Ｉ ｏｐｔ ｏｕｔ',
  '\ud800 lone \udfff surrogates',
];

/** Strings built from the pieces of mentions, links and Markdown. */
export const soup = fc
  .array(
    fc.constantFrom(
      '<',
      '>',
      '!',
      '@',
      '#',
      '^',
      '|',
      'channel',
      'here',
      'everyone',
      'subteam',
      'U123',
      '[',
      ']',
      '(',
      ')',
      'https://x.com',
      'mailto:',
      '&',
      'amp;',
      'lt;',
      '\\',
      '`',
      '*',
      '_',
      '~',
      ' ',
      '\n',
      '- ',
      '1. ',
      '> ',
      '\u0000',
      '\u202e',
      '\u200b',
      '😀',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Arbitrary strings, every kind of Unicode, and the nasty ones above. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(...NASTY_STRINGS),
  soup,
);

/** Real questions with something nasty put in front, in the middle or at the end. */
export const questionText: fc.Arbitrary<string> = fc.oneof(
  anyText,
  fc
    .tuple(
      fc.constantFrom(
        'How do I opt out?',
        'Does this apply to our Toronto office?',
        'Are my private messages used?',
        'Is my data shared with Microsoft?',
        'What changed on 3 November?',
        'data',
        'Zürich',
      ),
      fc.oneof(fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)), soup),
      fc.nat({ max: 2 }),
    )
    .map(([q, nasty, where]) => (where === 0 ? `${nasty} ${q}` : where === 1 ? q.replace(' ', ` ${nasty} `) : `${q} ${nasty}`)),
);

/** Mrkdwn text objects and the fallback text: everything Slack parses as mrkdwn. */
export function mrkdwnTexts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks as unknown as Record<string, unknown>[]) {
    const candidates: unknown[] = [
      block.text,
      ...((block.fields as unknown[]) ?? []),
      ...(block.type === 'context' ? ((block.elements as unknown[]) ?? []) : []),
    ];
    for (const c of candidates) {
      const o = c as { type?: string; text?: unknown } | undefined;
      if (o && o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    }
  }
  return out;
}

/**
 * What is left of mrkdwn once the links the app makes are taken out: `<http(s)://…>` or
 * `<http(s)://…|label>`, or such a link cut off by truncation at the very end.
 */
export function withoutLinks(mrkdwn: string): string {
  return mrkdwn.replace(/<https?:\/\/[^\s<>|]+(\|[^<>]*)?(>|…$)/g, '');
}
