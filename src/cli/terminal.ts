import type { SlackMessage } from '../blocks/limits.js';
import { mrkdwnToPlain, unescapeMrkdwn } from '../blocks/mrkdwn.js';

type AnyObject = Record<string, unknown>;

const text = (o: unknown) => String((o as AnyObject | undefined)?.text ?? '');

/** A card as readable terminal text: headers stand out, buttons show as [labels], links as addresses. */
export function renderForTerminal(message: SlackMessage, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const plain = (s: string) => unescapeMrkdwn(mrkdwnToPlain(s));
  const lines: string[] = [];
  for (const b of message.blocks as unknown as AnyObject[]) {
    switch (b.type) {
      case 'header':
        lines.push(bold(text(b.text).toUpperCase()), '');
        break;
      case 'section':
        lines.push(plain(text(b.text)), '');
        break;
      case 'context':
        lines.push(dim(((b.elements as unknown[]) ?? []).map((e) => plain(text(e))).join('\n')), '');
        break;
      case 'actions':
        lines.push(((b.elements as AnyObject[]) ?? []).map(control).join(' '), '');
        break;
      case 'divider':
        lines.push('────────', '');
        break;
    }
  }
  return lines.join('\n').trimEnd();
}

/** A button as [label → address]; a menu as [⋯ option / option]. */
function control(e: AnyObject): string {
  if (Array.isArray(e.options)) return `[⋯ ${(e.options as AnyObject[]).map((o) => text(o.text)).join(' / ')}]`;
  return `[${text(e.text)}${e.url ? ` → ${String(e.url)}` : ''}]`;
}
