/** Slack mrkdwn and plain text → HTML, roughly as Slack's desktop client shows them. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Slack escapes only these three; any other "&…;" is shown as typed. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Slack-escaped text made safe HTML: decoded once, escaped once, so "&amp;" shows "&" and never "&amp;". */
function slackTextToHtml(text: string): string {
  return escapeHtml(decodeSlackEntities(text));
}

// A few shortcodes the cards and Slack users type most; the rest stay as ":name:", as they would in a fallback.
const EMOJI: Record<string, string> = {
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  white_check_mark: '✅',
  warning: '⚠️',
  bell: '🔔',
  books: '📚',
  calendar: '📆',
  round_pushpin: '📍',
  mega: '📣',
  information_source: 'ℹ️',
  lock: '🔒',
  tada: '🎉',
  eyes: '👀',
  wave: '👋',
  office: '🏢',
  x: '❌',
};

export function emoji(name: string): string {
  return EMOJI[name] ?? `:${name}:`;
}

/** Plain text: shown literally, emoji shortcodes aside. */
export function plainToHtml(text: string): string {
  return escapeHtml(text)
    .replace(/:([a-z0-9_+-]+):/g, (all, name: string) => (EMOJI[name] ? emoji(name) : all))
    .replace(/\n/g, '<br>');
}

export function mrkdwnToHtml(text: string): string {
  // Preformatted blocks first: nothing inside them is formatted.
  return text
    .split(/```/)
    .map((part, i) => (i % 2 === 1 ? `<pre class="pre">${slackTextToHtml(part.replace(/^\n|\n$/g, ''))}</pre>` : linesToHtml(part)))
    .join('');
}

function linesToHtml(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote class="quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    const quoted = /^(?:>|&gt;) ?(.*)$/.exec(line);
    if (quoted) quote.push(inlineToHtml(quoted[1] ?? ''));
    else {
      flush();
      out.push(inlineToHtml(line));
    }
  }
  flush();
  // A quote is a block of its own, so it takes the line break around it.
  return out.join('<br>').replace(/<br>(<blockquote)/g, '$1').replace(/(<\/blockquote>)<br>/g, '$1');
}

// Marks set-aside HTML; a private-use character, dropped from the text first so it cannot fake one.
const HOLD = '\uE000';

/** One line: code spans and <…> markup are set aside first so formatting never reaches inside them. */
function inlineToHtml(line: string): string {
  const held: string[] = [];
  const hold = (html: string) => `${HOLD}${held.push(html) - 1}${HOLD}`;
  const marked = line
    .replaceAll(HOLD, '')
    .replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code class="code">${slackTextToHtml(code)}</code>`))
    .replace(/<([^<>\n]+)>/g, (_, inner: string) => hold(markupToHtml(inner)));
  const formatted = slackTextToHtml(marked)
    .replace(/:([a-z0-9_+-]+):/g, (all, name: string) => (EMOJI[name] ? emoji(name) : all))
    .replace(span('\\*'), '$1<b>$2</b>')
    .replace(span('_'), '$1<i>$2</i>')
    .replace(span('~'), '$1<s>$2</s>');
  return formatted.replace(/\uE000(\d+)\uE000/g, (_, i: string) => held[Number(i)] ?? '');
}

/** `*bold*`, `_italic_`, `~strike~`: the marks must hug the words and not sit inside a word. */
function span(mark: string): RegExp {
  return new RegExp(`(^|[^\\w${mark}])${mark}(?!\\s)([^\\n]*?[^\\s\\\\])${mark}(?![\\w${mark}])`, 'g');
}

/** `<…>`: links, user, channel and special mentions. */
function markupToHtml(inner: string): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) return mention(`@${label ?? target.slice(1)}`);
  if (target.startsWith('#')) return mention(`#${label ?? target.slice(1)}`);
  if (target.startsWith('!')) {
    const [command = '', ...rest] = target.slice(1).split('^');
    if (command === 'date') return slackTextToHtml(label ?? rest.at(-1) ?? '');
    if (command === 'subteam') return mention(label ?? '@group');
    return mention(`@${command}`);
  }
  if (/^(https?:|mailto:)/i.test(target)) {
    return `<a class="link" href="${escapeHtml(decodeSlackEntities(target))}">${slackTextToHtml(label ?? target)}</a>`;
  }
  // Not markup Slack knows: it shows the text.
  return slackTextToHtml(`<${inner}>`);
}

function mention(text: string): string {
  return `<span class="mention">${slackTextToHtml(text)}</span>`;
}
