import { describe, expect, it } from 'vitest';
import { blocksToHtml, type Frame } from '../../scripts/render/blocks-to-html.js';
import { mrkdwnToHtml } from '../../scripts/render/mrkdwn-html.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string) => ({ text: plain(text), value: text });

/** One of every block and element the app's cards use. */
const EVERY_BLOCK = [
  { type: 'header', text: plain('The header') },
  { type: 'section', text: mrkdwn('Lead *section*'), accessory: { type: 'overflow', action_id: 'more', options: [option('Share')] } },
  { type: 'section', fields: [mrkdwn('*Field one*'), mrkdwn('Field two')], accessory: { type: 'button', text: plain('Side button'), action_id: 'side' } },
  { type: 'context', elements: [mrkdwn('Context _mrkdwn_'), plain('Context plain'), { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'logo' }] },
  {
    type: 'actions',
    elements: [
      { type: 'button', text: plain('Go ahead'), style: 'primary', action_id: 'a', url: 'https://example.com' },
      { type: 'button', text: plain('Delete it'), style: 'danger', action_id: 'b' },
      { type: 'overflow', action_id: 'c', options: [option('One')] },
      { type: 'static_select', action_id: 'd', placeholder: plain('Pick a topic'), options: [option('Topic')] },
      { type: 'users_select', action_id: 'e', placeholder: plain('Pick a person') },
      { type: 'channels_select', action_id: 'f', placeholder: plain('Pick a channel') },
      { type: 'conversations_select', action_id: 'g', initial_conversation: 'C0GENERAL' },
      { type: 'datepicker', action_id: 'h', initial_date: '2026-12-03' },
    ],
  },
  { type: 'divider' },
  { type: 'input', label: plain('Your question'), optional: true, hint: plain('A hint'), element: { type: 'plain_text_input', action_id: 'i', placeholder: plain('Type here') } },
  {
    type: 'context_actions',
    elements: [{ type: 'feedback_buttons', action_id: 'j', positive_button: { text: plain('Good'), value: 'up' }, negative_button: { text: plain('Bad'), value: 'down' } }],
  },
  {
    type: 'rich_text',
    elements: [
      { type: 'rich_text_section', elements: [{ type: 'text', text: 'Rich ' }, { type: 'text', text: 'bold', style: { bold: true } }] },
      { type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'An item' }] }] },
    ],
  },
];

function page(blocks: unknown[], frame: Frame = 'thread', text = 'fallback text'): string {
  return blocksToHtml({ text, blocks }, { frame });
}

describe('blocksToHtml', () => {
  it('draws every block type the cards use, none as unknown', () => {
    const html = page(EVERY_BLOCK);
    for (const shown of [
      '<div class="header">The header</div>',
      'Lead <b>section</b>',
      '<span class="button overflow"',
      '<b>Field one</b>',
      '<span class="button">Side button</span>',
      'Context <i>mrkdwn</i>',
      'Context plain',
      'class="context-image" title="logo"',
      '<span class="button primary">Go ahead</span>',
      '<span class="button danger">Delete it</span>',
      'Pick a topic',
      'Pick a person',
      'Pick a channel',
      'C0GENERAL',
      '2026-12-03',
      '<hr class="divider">',
      'Your question <span class="optional">(optional)</span>',
      'Type here',
      'A hint',
      '<span class="icon-button" title="Good">👍</span>',
      '<span class="icon-button" title="Bad">👎</span>',
      'Rich <b>bold</b>',
      '<li>An item</li>',
    ]) {
      expect(html).toContain(shown);
    }
    expect(html).not.toContain('class="unknown"');
  });

  it('names a block it does not know instead of dropping it', () => {
    expect(page([{ type: 'video', title: plain('A film') }])).toContain('<span class="unknown">[video]</span>');
  });

  it('never shows the fallback text', () => {
    expect(page([{ type: 'section', text: mrkdwn('The card') }], 'channel', 'Only for notifications')).not.toContain('Only for notifications');
  });

  it('draws the app name and the first-screen line in a thread only', () => {
    const thread = page([{ type: 'divider' }], 'thread');
    expect(thread).toContain('LinkedIn AI policy');
    expect(thread).toContain('class="screen-end"');
    for (const frame of ['channel', 'home', 'modal'] as const) expect(page([{ type: 'divider' }], frame)).not.toContain('class="screen-end"');
  });

  it('draws a modal with its title and close button', () => {
    const html = blocksToHtml({ title: plain('Details'), close: plain('Close'), blocks: [{ type: 'divider' }] }, { frame: 'modal' });
    expect(html).toContain('<div class="modal-title">Details');
    expect(html).toContain('<span class="button">Close</span>');
  });

  it('escapes text from blocks so it cannot inject HTML', () => {
    const html = page([
      { type: 'header', text: plain('<script>alert(1)</script>') },
      { type: 'section', text: mrkdwn('&lt;img src=x onerror=alert(1)&gt; and <img src=x onerror=alert(1)>') },
      { type: 'actions', elements: [{ type: 'button', text: plain('<b onclick="x">Hi</b>'), action_id: 'a' }] },
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '<iframe>' }] }] },
    ]);
    expect(html).not.toMatch(/<script>alert|<img |<b onclick|<iframe>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('mrkdwnToHtml', () => {
  it("shows Slack's entities once, not double-escaped", () => {
    expect(mrkdwnToHtml('Terms &amp; Privacy &lt;2025&gt;')).toBe('Terms &amp; Privacy &lt;2025&gt;');
    expect(mrkdwnToHtml('`a &amp; b`')).toBe('<code class="code">a &amp; b</code>');
  });

  it('renders a link as an anchor, and only web and mail links', () => {
    expect(mrkdwnToHtml('See <https://example.com/a?b=1&amp;c=2|the notice>.')).toBe(
      'See <a class="link" href="https://example.com/a?b=1&amp;c=2">the notice</a>.',
    );
    expect(mrkdwnToHtml('<https://example.com>')).toBe('<a class="link" href="https://example.com">https://example.com</a>');
    expect(mrkdwnToHtml('<javascript:alert(1)|x>')).not.toContain('<a');
    expect(mrkdwnToHtml('<https://x.com/"onmouseover="alert(1)|x>')).toContain('href="https://x.com/&quot;onmouseover=&quot;alert(1)"');
  });

  it('formats bold, italic, strike, code, preformatted text and quotes', () => {
    expect(mrkdwnToHtml('*bold* _italic_ ~strike~ `code`')).toBe('<b>bold</b> <i>italic</i> <s>strike</s> <code class="code">code</code>');
    expect(mrkdwnToHtml('snake_case_word and 2*3*4')).toBe('snake_case_word and 2*3*4');
    expect(mrkdwnToHtml('`*not bold*`')).toBe('<code class="code">*not bold*</code>');
    expect(mrkdwnToHtml('```\nline *1*\nline 2\n```')).toBe('<pre class="pre">line *1*\nline 2</pre>');
    expect(mrkdwnToHtml('before\n&gt; quoted\n> more\nafter')).toBe('before<blockquote class="quote">quoted<br>more</blockquote>after');
  });

  it('shows mentions, bullets, emoji shortcodes and line breaks', () => {
    expect(mrkdwnToHtml('<@U123> <#C123|privacy> <!here>')).toBe(
      '<span class="mention">@U123</span> <span class="mention">#privacy</span> <span class="mention">@here</span>',
    );
    expect(mrkdwnToHtml('• one\n• two :white_check_mark: :unknown_thing:')).toBe('• one<br>• two ✅ :unknown_thing:');
  });
});
