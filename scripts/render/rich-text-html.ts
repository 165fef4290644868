import { elementToHtml, type Json, list, obj, str } from './elements-html.js';
import { emoji, escapeHtml } from './mrkdwn-html.js';

/** A rich_text block: sections, lists, quotes and preformatted text, with inline styles. */
export function richTextToHtml(block: Json): string {
  return list(block.elements).map(part).join('');
}

function part(element: Json): string {
  const inline = list(element.elements).map(leaf).join('');
  switch (element.type) {
    case 'rich_text_section':
      return `<div class="rt-section">${inline}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="pre">${inline}</pre>`;
    case 'rich_text_quote':
      return `<blockquote class="quote">${inline}</blockquote>`;
    case 'rich_text_list': {
      const tag = element.style === 'ordered' ? 'ol' : 'ul';
      const indent = typeof element.indent === 'number' ? element.indent : 0;
      const items = list(element.elements).map((item) => `<li>${list(item.elements).map(leaf).join('')}</li>`);
      return `<${tag} class="rt-list" style="margin-left:${indent * 24}px">${items.join('')}</${tag}>`;
    }
    default:
      return elementToHtml(element);
  }
}

function leaf(element: Json): string {
  const html = (() => {
    switch (element.type) {
      case 'text':
        return escapeHtml(str(element.text)).replace(/\n/g, '<br>');
      case 'link':
        return `<a class="link" href="${escapeHtml(str(element.url))}">${escapeHtml(str(element.text) || str(element.url))}</a>`;
      case 'emoji':
        return str(element.unicode) ? String.fromCodePoint(...str(element.unicode).split('-').map((h) => Number.parseInt(h, 16))) : emoji(str(element.name));
      case 'user':
        return `<span class="mention">@${escapeHtml(str(element.user_id))}</span>`;
      case 'channel':
        return `<span class="mention">#${escapeHtml(str(element.channel_id))}</span>`;
      case 'usergroup':
        return `<span class="mention">@${escapeHtml(str(element.usergroup_id))}</span>`;
      case 'broadcast':
        return `<span class="mention">@${escapeHtml(str(element.range))}</span>`;
      default:
        return escapeHtml(str(element.text));
    }
  })();
  const style = obj(element.style) ?? {};
  let out = html;
  if (style.code) out = `<code class="code">${out}</code>`;
  if (style.bold) out = `<b>${out}</b>`;
  if (style.italic) out = `<i>${out}</i>`;
  if (style.strike) out = `<s>${out}</s>`;
  return out;
}
