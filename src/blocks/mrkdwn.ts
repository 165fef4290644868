import { Lexer, type Token, type Tokens } from 'marked';

/** Slack's three control characters. Everything else is left alone, as Slack asks. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// C0/C1 control characters (but tab and newline), bidi overrides and zero-width joiners that
// could hide or reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are removed).
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A person's own words made safe to show inside mrkdwn: control characters dropped, whitespace
 * collapsed, cut to `max` characters, then escaped so "<!channel>" shows as text and pings no one.
 * Mentions typed as "@channel" are plain text to Slack and notify nobody.
 */
export function quoteUserText(text: string, max = 200): string {
  const clean = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const cut = [...clean].length > max ? `${[...clean].slice(0, max - 1).join('')}…` : clean;
  return escapeMrkdwn(cut);
}

// Knowledge-base texts are few and asked for again and again: convert each once.
const converted = new Map<string, string>();
const MAX_CACHED = 2000;

/** Markdown from the knowledge base → Slack mrkdwn. Text is escaped; only the formatting Slack has survives. */
export function markdownToMrkdwn(markdown: string): string {
  const cached = converted.get(markdown);
  if (cached !== undefined) return cached;
  const result = renderBlocks(new Lexer().lex(markdown))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (converted.size >= MAX_CACHED) converted.clear();
  converted.set(markdown, result);
  return result;
}

/**
 * Mrkdwn without its formatting, for notification fallbacks. Still escaped: Slack parses a
 * message's `text` as mrkdwn too.
 */
export function mrkdwnToPlain(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_~]+|[*_~]+(?=[\s).,:;!?]|$)/gm, '$1');
}

/**
 * What a person wrote, without Slack's markup for mentions and links: "<@U123>" and "<!channel>" are
 * no words of the question, "<#C1|privacy>" reads "#privacy", "<https://x|the notice>" reads "the notice".
 */
export function withoutSlackMarkup(text: string): string {
  return text
    .replace(/<[@!][^<>]*>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^<>]*)>/g, '#$1')
    .replace(/<((?:https?|mailto):[^|<>]*)\|([^<>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^<>]*)>/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Back from Slack's escapes, for a terminal. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function renderBlocks(tokens: Token[], depth = 0): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'paragraph':
          return `${renderInline((token as Tokens.Paragraph).tokens)}\n\n`;
        case 'heading':
          return `*${renderInline((token as Tokens.Heading).tokens)}*\n\n`;
        case 'list':
          return `${renderList(token as Tokens.List, depth)}\n\n`;
        case 'blockquote':
          return `${renderBlocks((token as Tokens.Blockquote).tokens, depth)
            .trim()
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')}\n\n`;
        case 'code':
          return `\`\`\`${escapeMrkdwn((token as Tokens.Code).text)}\`\`\`\n\n`;
        case 'hr':
          return '───\n\n';
        case 'space':
          return '';
        case 'text': {
          const t = token as Tokens.Text;
          return `${t.tokens ? renderInline(t.tokens) : escapeMrkdwn(t.text)}\n`;
        }
        default:
          // Tables, HTML and the like have no mrkdwn form: keep their text, escaped.
          return `${escapeMrkdwn('raw' in token ? String(token.raw) : '')}\n\n`;
      }
    })
    .join('');
}

function renderList(list: Tokens.List, depth: number): string {
  const indent = '    '.repeat(depth);
  return list.items
    .map((item, i) => {
      const bullet = list.ordered ? `${(Number(list.start) || 1) + i}.` : '•';
      const body = renderBlocks(item.tokens, depth + 1)
        .trim()
        .replace(/\n\n+/g, '\n');
      return `${indent}${bullet} ${body}`;
    })
    .join('\n');
}

function renderInline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case 'strong':
          return `*${renderInline((token as Tokens.Strong).tokens)}*`;
        case 'em':
          return `_${renderInline((token as Tokens.Em).tokens)}_`;
        case 'del':
          return `~${renderInline((token as Tokens.Del).tokens)}~`;
        case 'codespan':
          return `\`${escapeMrkdwn((token as Tokens.Codespan).text)}\``;
        case 'br':
          return '\n';
        case 'link': {
          const link = token as Tokens.Link;
          const label = renderInline(link.tokens);
          return safeUrl(link.href)
            ? label === escapeMrkdwn(link.href)
              ? `<${link.href}>`
              : `<${link.href}|${label.replace(/[|<>]/g, '')}>`
            : label;
        }
        case 'text': {
          const t = token as Tokens.Text;
          return t.tokens ? renderInline(t.tokens) : escapeMrkdwn(decodeEntities(t.text));
        }
        case 'escape':
          return escapeMrkdwn((token as Tokens.Escape).text);
        default:
          return escapeMrkdwn('text' in token ? decodeEntities(String(token.text)) : String(token.raw));
      }
    })
    .join('');
}

/** marked turns quotes and ampersands in text into HTML entities; mrkdwn wants the characters. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function safeUrl(href: string): boolean {
  return /^https?:\/\/[^\s<>|]+$/.test(href);
}
