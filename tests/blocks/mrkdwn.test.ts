import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain, quoteUserText, unescapeMrkdwn, withoutSlackMarkup } from '../../src/blocks/mrkdwn.js';
import { soup } from '../properties/nasty.js';

/** Every mention / special-command opener Slack would act on. */
const MENTION_OPENERS = ['<!', '<@', '<#'];

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('escapes & first, so an existing escape is escaped again rather than left ambiguous', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('leaves every other character alone (no HTML entity-encoding of the whole text)', () => {
    const text = `*bold* _it_ ~s~ \`code\` "quoted" it's é 😀 @here #general | ^`;
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it('turns mention sequences into harmless text', () => {
    expect(escapeMrkdwn('<!channel> <@U1>')).toBe('&lt;!channel&gt; &lt;@U1&gt;');
  });

  it('is undone by unescapeMrkdwn for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('&amp;', '&lt;gt;', '&&lt;;', '<&>')), (s) => {
        expect(unescapeMrkdwn(escapeMrkdwn(s))).toBe(s);
        const escaped = escapeMrkdwn(s);
        expect(escaped).not.toMatch(/[<>]/);
        // Every & in the output starts one of the three escapes.
        expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
      { numRuns: 200 },
    );
  });
});

describe('quoteUserText', () => {
  it('removes C0 and C1 control characters', () => {
    expect(quoteUserText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
  });

  it('removes bidi overrides/embeddings, zero-width characters and the BOM', () => {
    expect(quoteUserText('a\u202eb\u202ac\u200bd\u200ee\u200ff\u2060g\ufeffh')).toBe('abcdefgh');
  });

  // Bidi *isolates* (LRI, RLI, FSI, PDI) reorder text just like the overrides do ("Trojan Source").
  it('removes bidi isolates U+2066–U+2069 too', () => {
    expect(quoteUserText('pay \u2067evil\u2069 now \u2066x\u2068y')).toBe('pay evil now xy');
  });

  it('collapses runs of whitespace (including newlines and tabs) and trims', () => {
    expect(quoteUserText('  how \n\n do\t\tI   opt out?  ')).toBe('how do I opt out?');
  });

  it('gives an empty string for whitespace or control characters only', () => {
    expect(quoteUserText(' \n\t ')).toBe('');
    expect(quoteUserText('\u0000\u0001\u202e')).toBe('');
  });

  it('keeps short text as is', () => {
    expect(quoteUserText('Does this apply in Toronto?')).toBe('Does this apply in Toronto?');
  });

  it('cuts long text to max characters ending with …', () => {
    const out = quoteUserText('x'.repeat(300));
    expect(out).toBe(`${'x'.repeat(199)}…`);
    expect(quoteUserText('abcdefghijklmnop', 10)).toBe('abcdefghi…');
    expect(quoteUserText('abcdefghij', 10)).toBe('abcdefghij');
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const out = quoteUserText('😀'.repeat(300), 50);
    expect([...out]).toHaveLength(50);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('cuts before escaping, so an escape is never left half-written', () => {
    const out = quoteUserText('<'.repeat(300), 20);
    expect(out).toBe(`${'&lt;'.repeat(19)}…`);
  });

  it.each(['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C1>', '<!subteam^S1>', '<@U123|bob>', '<!channel|channel>'])(
    'escapes the mention %s so it pings no one',
    (mention) => {
      const out = quoteUserText(`hey ${mention} look`);
      expect(out).toBe(`hey ${mention.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')} look`);
      for (const opener of MENTION_OPENERS) expect(out).not.toContain(opener);
    },
  );

  it('never lets a mention opener, control character or raw < > through for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .array(fc.constantFrom('<', '>', '!', '@', '#', 'channel', 'here', '&', 'lt;', '\u0000', '\u202e', ' ', '\n', '😀'), { maxLength: 40 })
            .map((a) => a.join('')),
        ),
        fc.integer({ min: 2, max: 300 }),
        (text, max) => {
          const out = quoteUserText(text, max);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
          expect(out).not.toMatch(/[<>\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
          expect(out).not.toMatch(/\s\s/);
          expect([...unescapeMrkdwn(out)].length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('markdownToMrkdwn', () => {
  it('turns **bold** into *bold* and *italic* / _italic_ into _italic_', () => {
    expect(markdownToMrkdwn('**bold** and *it* and _it2_')).toBe('*bold* and _it_ and _it2_');
  });

  it('turns ~~strike~~ into ~strike~ and headings into bold lines', () => {
    expect(markdownToMrkdwn('~~old~~')).toBe('~old~');
    expect(markdownToMrkdwn('# Head\n\nBody')).toBe('*Head*\n\nBody');
  });

  it('turns [label](url) into <url|label>', () => {
    expect(markdownToMrkdwn('See [the help page](https://www.linkedin.com/help/1).')).toBe('See <https://www.linkedin.com/help/1|the help page>.');
    expect(markdownToMrkdwn('[plain](http://example.com)')).toBe('<http://example.com|plain>');
  });

  it('keeps formatting inside a link label and escapes its text', () => {
    expect(markdownToMrkdwn('[**b** & c](https://x.com)')).toBe('<https://x.com|*b* &amp; c>');
  });

  it('drops | from a link label so it cannot end the label early', () => {
    expect(markdownToMrkdwn('[a|b](https://x.com)')).toBe('<https://x.com|ab>');
  });

  it('turns a bare https URL into <url>', () => {
    expect(markdownToMrkdwn('see https://example.com/x now')).toBe('see <https://example.com/x> now');
    expect(markdownToMrkdwn('<https://example.com>')).toBe('<https://example.com>');
  });

  it('turns lists into "• " and "1. " lines, keeping the start number and nesting', () => {
    expect(markdownToMrkdwn('- a\n- b\n\n1. one\n2. two')).toBe('• a\n• b\n\n1. one\n2. two');
    expect(markdownToMrkdwn('3. three\n4. four')).toBe('3. three\n4. four');
    expect(markdownToMrkdwn('- a\n  - b\n- c')).toBe('• a\n    • b\n• c');
  });

  it('escapes &, < and > in text, code spans and code blocks', () => {
    expect(markdownToMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(markdownToMrkdwn('`a<b & c`')).toBe('`a&lt;b &amp; c`');
    expect(markdownToMrkdwn('```\nx < y && z\n```')).toBe('```x &lt; y &amp;&amp; z```');
  });

  it('reads HTML entities as the characters they stand for, then escapes them once', () => {
    expect(markdownToMrkdwn('&amp; &lt; &quot;')).toBe('&amp; &lt; "');
    expect(markdownToMrkdwn('He said "hi", it\'s fine')).toBe('He said "hi", it\'s fine');
  });

  it('shows HTML and mention sequences as escaped text', () => {
    expect(markdownToMrkdwn('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownToMrkdwn('<!channel> hi <@U123>')).toBe('&lt;!channel&gt; hi &lt;@U123&gt;');
    expect(markdownToMrkdwn('Text <!subteam^S1> and <#C1|gen>')).toBe('Text &lt;!subteam^S1&gt; and &lt;#C1|gen&gt;');
    expect(markdownToMrkdwn('[<!channel>](https://x.com)')).toBe('<https://x.com|&lt;!channel&gt;>');
  });

  it('does not turn non-http(s) links into links, keeping only the label', () => {
    expect(markdownToMrkdwn('[js](javascript:alert(1))')).toBe('js');
    expect(markdownToMrkdwn('[mail](mailto:a@b.c)')).toBe('mail');
    expect(markdownToMrkdwn('[ftp](ftp://a.b/c)')).toBe('ftp');
    expect(markdownToMrkdwn('[rel](/relative/path)')).toBe('rel');
  });

  it('keeps block quotes and collapses extra blank lines', () => {
    expect(markdownToMrkdwn('> quote\n> more')).toBe('> quote\n> more');
    expect(markdownToMrkdwn('x\n\n\n\n\ny')).toBe('x\n\ny');
  });

  it('never produces a mention or special command for any input', () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string(), fc.string({ unit: 'binary' })), (markdown) => {
        const out = markdownToMrkdwn(markdown);
        // Remove the links it made; what is left must hold no control sequence at all.
        const withoutLinks = out.replace(/<https?:\/\/[^\s<>|]+(\|[^<>]*)?>/g, '');
        expect(withoutLinks).not.toContain('<');
      }),
      { numRuns: 300 },
    );
  });
});

describe('mrkdwnToPlain', () => {
  it('drops bold, italic and strike markers', () => {
    expect(mrkdwnToPlain('*bold* _it_ ~s~')).toBe('bold it s');
  });

  it('turns <url|label> into "label (url)" and <url> into url', () => {
    expect(mrkdwnToPlain('See <https://x.com|the page> or <https://y.com>.')).toBe('See the page (https://x.com) or https://y.com.');
  });

  it('keeps escapes, since fallback text is parsed as mrkdwn too', () => {
    expect(mrkdwnToPlain('a &lt;!channel&gt; &amp; b')).toBe('a &lt;!channel&gt; &amp; b');
  });

  it('leaves a * inside a word alone', () => {
    expect(mrkdwnToPlain('2*3 and a_b')).toBe('2*3 and a_b');
  });

  it('handles multi-line mrkdwn from markdownToMrkdwn', () => {
    expect(mrkdwnToPlain(markdownToMrkdwn('# Title\n\n- item **one**\n\n[Label](https://x.com) & more'))).toBe(
      'Title\n\n• item one\n\nLabel (https://x.com) &amp; more',
    );
  });
});

describe('unescapeMrkdwn', () => {
  it('turns the three escapes back into characters', () => {
    expect(unescapeMrkdwn('&lt;b&gt; &amp; c')).toBe('<b> & c');
  });

  it('unescapes only once (&amp;lt; is the text "&lt;")', () => {
    expect(unescapeMrkdwn('&amp;lt;')).toBe('&lt;');
    expect(unescapeMrkdwn('&amp;amp;')).toBe('&amp;');
  });

  it('leaves other entities and plain text alone', () => {
    expect(unescapeMrkdwn('&quot; &#39; plain')).toBe('&quot; &#39; plain');
  });
});

describe('withoutSlackMarkup', () => {
  it.each([
    ['How do I opt out? <!channel> <@U123ABC>', 'How do I opt out?'],
    ['ask <#C0123|privacy> about it', 'ask #privacy about it'],
    ['see <https://www.linkedin.com/legal/privacy/eu|the notice> please', 'see the notice please'],
    ['see <https://example.com/x>', 'see https://example.com/x'],
    ['<!subteam^S123|@privacy-team> does it apply in Lyon?', 'does it apply in Lyon?'],
    ['3 < 4 and 5 > 2', '3 < 4 and 5 > 2'],
  ])('%s → %s', (text, plain) => {
    expect(withoutSlackMarkup(text)).toBe(plain);
  });
});
