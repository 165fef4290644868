import { elementToHtml, imageToHtml, type Json, list, obj, str, textObject, unknown } from './elements-html.js';
import { escapeHtml, mrkdwnToHtml } from './mrkdwn-html.js';
import { PAGE_CSS } from './page-css.js';
import { richTextToHtml } from './rich-text-html.js';

/** Where a surface is shown: the thread pane, a channel, the App Home tab or a modal. */
export type Frame = 'thread' | 'channel' | 'home' | 'modal';

/** A message ({text, blocks}) or a view ({type, title, close, submit, blocks}), as sent to Slack. */
export interface Surface {
  text?: string;
  blocks: readonly unknown[];
  title?: unknown;
  close?: unknown;
  submit?: unknown;
}

export interface PageOptions {
  frame: Frame;
  /** The page's title, for the browser tab and the index. */
  title?: string;
  /** What the person asked (mrkdwn), shown above the reply in thread and channel frames. */
  question?: string;
  /** Shown with "Only visible to you", as replies to slash commands are. */
  ephemeral?: boolean;
  time?: string;
}

export const APP_NAME = 'LinkedIn AI policy';
export const FRAME_WIDTH: Record<Frame, number> = { thread: 480, channel: 1000, home: 1000, modal: 520 };
/** How much of the thread pane a 1440×900 laptop shows, as the design review measured it. */
export const FIRST_SCREEN_PX = 700;

/** A standalone HTML page approximating Slack desktop's rendering of `surface` in `options.frame`. */
export function blocksToHtml(surface: Surface, options: PageOptions): string {
  const blocks = surface.blocks.map((b) => blockToHtml(obj(b) ?? {})).join('\n');
  // Slack shows the fallback `text` only in notifications when blocks exist, so it is not drawn.
  const title = escapeHtml(options.title ?? APP_NAME);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${PAGE_CSS}</style></head>
<body><div class="frame ${options.frame}" id="frame">
${frameToHtml(blocks, surface, options)}
</div></body></html>
`;
}

function frameToHtml(blocks: string, surface: Surface, options: PageOptions): string {
  switch (options.frame) {
    case 'thread':
      return [
        '<div class="pane-header"><b>Thread</b><span># ask-privacy</span></div>',
        options.question ? `${personMessage(options.question)}<div class="replies">1 reply</div>` : '',
        botMessage(blocks, options),
        `<div class="screen-end"><span>▲ screen 1 ends (thread pane, 1440×900 laptop)</span></div>`,
      ].join('\n');
    case 'channel':
      return ['<div class="pane-header"><b># ask-privacy</b></div>', options.question ? personMessage(options.question) : '', botMessage(blocks, options)].join('\n');
    case 'home':
      return `<div class="home-header">${avatar()}${escapeHtml(APP_NAME)}</div>
<div class="tabs"><span class="current">Home</span><span>Messages</span><span>About</span></div>
<div class="home-body">${blocks}</div>`;
    case 'modal': {
      const close = textObject(surface.close) || 'Cancel';
      const submit = surface.submit ? `<span class="button primary">${textObject(surface.submit)}</span>` : '';
      return `<div class="modal-panel"><div class="modal-title">${textObject(surface.title)}<span>✕</span></div>
<div class="modal-body">${blocks}</div>
<div class="modal-footer"><span class="button">${close}</span>${submit}</div></div>`;
    }
  }
}

function avatar(): string {
  return '<div class="avatar bot">in</div>';
}

function botMessage(blocks: string, options: PageOptions): string {
  const ephemeral = options.ephemeral ? '<div class="ephemeral">👁 Only visible to you</div>' : '';
  return `${ephemeral}<div class="message">${avatar()}<div class="message-body">
<div><span class="sender">${escapeHtml(APP_NAME)}</span><span class="badge">APP</span><span class="time">${escapeHtml(options.time ?? '10:02')}</span></div>
${blocks}</div></div>`;
}

function personMessage(question: string): string {
  return `<div class="message"><div class="avatar person">DK</div><div class="message-body">
<div><span class="sender">Dana Kowalski</span><span class="time">10:01</span></div>
<div><span class="mention">@${escapeHtml(APP_NAME)}</span> ${mrkdwnToHtml(question)}</div></div></div>`;
}

export function blockToHtml(block: Json): string {
  const html = (() => {
    switch (block.type) {
      case 'header':
        return `<div class="header">${textObject(block.text)}</div>`;
      case 'section':
        return sectionToHtml(block);
      case 'context':
        return `<div class="context">${list(block.elements)
          .map((e) => (e.type === 'image' ? imageToHtml(e, 'context-image') : `<span>${textObject(e)}</span>`))
          .join('')}</div>`;
      case 'actions':
        return `<div class="actions">${list(block.elements).map(elementToHtml).join('')}</div>`;
      case 'context_actions':
        return `<div class="context-actions">${list(block.elements).map(elementToHtml).join('')}</div>`;
      case 'divider':
        return '<hr class="divider">';
      case 'input':
        return inputToHtml(block);
      case 'rich_text':
        return richTextToHtml(block);
      case 'image':
        return `${obj(block.title) ? `<div class="context">${textObject(block.title)}</div>` : ''}${imageToHtml(block, 'image')}`;
      case 'markdown':
        return mrkdwnToHtml(str(block.text));
      default:
        return unknown(block.type);
    }
  })();
  return `<div class="block ${escapeHtml(str(block.type))}-block">${html}</div>`;
}

function sectionToHtml(block: Json): string {
  const fields = list(block.fields);
  const text = [
    obj(block.text) ? `<div>${textObject(block.text)}</div>` : '',
    fields.length ? `<div class="fields">${fields.map((f) => `<div>${textObject(f)}</div>`).join('')}</div>` : '',
  ].join('');
  const accessory = obj(block.accessory);
  return `<div class="section"><div class="section-text">${text}</div>${accessory ? elementToHtml(accessory) : ''}</div>`;
}

function inputToHtml(block: Json): string {
  const optional = block.optional === true ? ' <span class="optional">(optional)</span>' : '';
  const hint = obj(block.hint) ? `<div class="input-hint">${textObject(block.hint)}</div>` : '';
  return `<div class="input-label">${textObject(block.label)}${optional}</div>${elementToHtml(obj(block.element) ?? {})}${hint}`;
}
