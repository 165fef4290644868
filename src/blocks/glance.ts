import type { SlackMessage } from './limits.js';

/**
 * What a person takes in at a glance, measured the strict way: every character of text a card's blocks
 * carry (links count with their address), the buttons and menus, and the links. The answer-card rules
 * (lead ≤ 350, text ≤ 900, ≤ 6 buttons or menus, ≤ 3 links) are checked with these.
 */
export interface CardMeasures {
  /** Characters of the first section's text. */
  leadChars: number;
  textChars: number;
  /** Buttons, menus and selects; a 👍/👎 pair counts as two buttons. */
  controls: number;
  links: number;
}

type AnyObject = Record<string, unknown>;

export function measureCard(message: Pick<SlackMessage, 'blocks'>): CardMeasures {
  const firstSection = message.blocks.find((b) => b.type === 'section') as AnyObject | undefined;
  let textChars = 0;
  let controls = 0;
  let links = 0;
  const countText = (o: unknown) => {
    const t = o && typeof o === 'object' ? (o as AnyObject).text : undefined;
    if (typeof t === 'string') {
      textChars += t.length;
      links += t.match(/<https?:[^>]+>/g)?.length ?? 0;
    }
  };
  for (const block of message.blocks as unknown as AnyObject[]) {
    countText(block.text);
    for (const f of (block.fields as unknown[] | undefined) ?? []) countText(f);
    const elements = [...((block.elements as AnyObject[] | undefined) ?? []), ...(block.accessory ? [block.accessory as AnyObject] : [])];
    for (const e of elements) {
      if (block.type === 'context') countText(e);
      else controls += countControl(e, countText);
    }
  }
  return { leadChars: textOf(firstSection?.text).length, textChars, controls, links };
}

function countControl(e: AnyObject, countText: (o: unknown) => void): number {
  switch (e.type) {
    case 'button':
      countText(e.text);
      return 1;
    case 'feedback_buttons':
      countText((e.positive_button as AnyObject | undefined)?.text);
      countText((e.negative_button as AnyObject | undefined)?.text);
      return 2;
    case 'overflow':
    case 'static_select':
      for (const o of (e.options as AnyObject[] | undefined) ?? []) countText(o.text);
      countText(e.placeholder);
      return 1;
    case 'image':
      return 0;
    default:
      return 1;
  }
}

function textOf(o: unknown): string {
  const t = o && typeof o === 'object' ? (o as AnyObject).text : undefined;
  return typeof t === 'string' ? t : '';
}
