import { escapeHtml, mrkdwnToHtml, plainToHtml } from './mrkdwn-html.js';

/** Block Kit JSON as it comes: the renderer reads any block, known to @slack/types or not. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.flatMap((v) => (obj(v) ? [v as Json] : [])) : [];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A text object: mrkdwn or plain_text. */
export function textObject(value: unknown): string {
  const t = obj(value);
  if (!t) return '';
  return t.type === 'mrkdwn' ? mrkdwnToHtml(str(t.text)) : plainToHtml(str(t.text));
}

/** A box standing in for a menu or picker: what it shows, then its arrow. */
function pickerBox(label: string, icon = '▾', placeholder = false): string {
  return `<span class="picker${placeholder ? ' placeholder' : ''}"><span class="picker-label">${label}</span><span class="picker-icon">${icon}</span></span>`;
}

function selectedOrPlaceholder(element: Json): string {
  const option = obj(element.initial_option) ?? list(element.initial_options)[0];
  if (option) return pickerBox(textObject(option.text));
  const initial = str(element.initial_user) || str(element.initial_channel) || str(element.initial_conversation);
  if (initial) return pickerBox(escapeHtml(initial));
  return pickerBox(textObject(element.placeholder) || 'Select an item', '▾', true);
}

/** An interactive element (actions, section accessory, input), drawn as Slack draws it at rest. */
export function elementToHtml(element: Json): string {
  switch (element.type) {
    case 'button': {
      const style = element.style === 'primary' || element.style === 'danger' ? ` ${element.style}` : '';
      // A link button shows no arrow in Slack; the text is all there is.
      return `<span class="button${style}">${textObject(element.text)}</span>`;
    }
    case 'workflow_button':
      return `<span class="button">${textObject(element.text)}</span>`;
    case 'overflow':
      return '<span class="button overflow" title="More actions">⋮</span>';
    case 'static_select':
    case 'external_select':
    case 'multi_static_select':
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'multi_conversations_select':
    case 'channels_select':
    case 'multi_channels_select':
      return selectedOrPlaceholder(element);
    case 'datepicker':
      return pickerBox(str(element.initial_date) ? escapeHtml(str(element.initial_date)) : textObject(element.placeholder) || 'Select a date', '📅');
    case 'timepicker':
      return pickerBox(str(element.initial_time) ? escapeHtml(str(element.initial_time)) : textObject(element.placeholder) || 'Select time', '🕘');
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const value = str(element.initial_value);
      const tall = element.multiline === true ? ' multiline' : '';
      return `<span class="text-input${tall}${value ? '' : ' placeholder'}">${value ? escapeHtml(value) : textObject(element.placeholder)}</span>`;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const mark = element.type === 'checkboxes' ? '☐' : '○';
      return `<span class="choices">${list(element.options)
        .map((o) => `<span class="choice"><span class="choice-mark">${mark}</span>${textObject(o.text)}</span>`)
        .join('')}</span>`;
    }
    case 'image':
      return imageToHtml(element, 'accessory-image');
    case 'feedback_buttons': {
      const up = obj(element.positive_button);
      const down = obj(element.negative_button);
      return `<span class="icon-button" title="${escapeHtml(str(obj(up?.text)?.text))}">👍</span><span class="icon-button" title="${escapeHtml(str(obj(down?.text)?.text))}">👎</span>`;
    }
    case 'icon_button':
      return `<span class="icon-button" title="${escapeHtml(str(obj(element.text)?.text))}">${element.icon === 'trash' ? '🗑' : '•'}</span>`;
    default:
      return unknown(element.type);
  }
}

/** Images come from the internet, which the screenshots never reach: a grey box with the alt text stands in. */
export function imageToHtml(image: Json, className: string): string {
  return `<span class="${className}" title="${escapeHtml(str(image.alt_text))}"></span>`;
}

/** Something this renderer does not know yet: named, so a new block shows up in the picture, not vanishes. */
export function unknown(type: unknown): string {
  return `<span class="unknown">[${escapeHtml(str(type) || 'unknown')}]</span>`;
}
