import { z } from 'zod';
import { REGION_IDS } from '../knowledge/schema.js';
import { escapeMrkdwn, unescapeMrkdwn } from './mrkdwn.js';

/** Action ids shared by the card builders and the Slack listeners that answer them. */
export const ACTIONS = {
  /** Prefix: `topic:<id>` answers that topic in place (related topics, suggestions, "also asked"). */
  topic: 'topic:',
  feedbackUp: 'feedback:up',
  feedbackDown: 'feedback:down',
  openSetting: 'open-setting',
  share: 'share',
  confirmOptOut: 'confirm-opt-out',
} as const;

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .nullable()
  .optional();

const buttonValueSchema = z.object({
  t: z.string().max(60),
  r: z.enum(REGION_IDS).nullable().optional(),
  c: countryCode,
});
export type ButtonValue = z.infer<typeof buttonValueSchema>;

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(value);
}

/** The value of a button we made, or null for anything else (a forged or old payload). */
export function decodeButtonValue(raw: string | undefined): ButtonValue | null {
  return decodeJson(raw, buttonValueSchema);
}

/** JSON that a button carried, checked against what we put there; null when it is not ours. */
function decodeJson<S extends z.ZodType>(raw: string | undefined, schema: S): z.infer<S> | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a card was made from, so a button can make it again (to share it in the channel). */
export const cardRequestSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('question'), q: z.string().max(1600) }),
  z.object({ k: z.literal('topic'), ...buttonValueSchema.shape }),
  z.object({
    k: z.literal('region'),
    r: z.enum(REGION_IDS),
    p: z.string().max(100).nullable().optional(),
    c: countryCode,
  }),
  z.object({ k: z.literal('overview') }),
  z.object({ k: z.literal('help') }),
]);
export type CardRequest = z.infer<typeof cardRequestSchema>;

// The question travels in a button value: it is kept escaped there too, so no payload anywhere
// carries a live "<!channel>", even though values are never shown as mrkdwn.
export function encodeCardRequest(request: CardRequest): string {
  return JSON.stringify(
    request.k === 'question'
      ? // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced before the question goes into a button value.
        { ...request, q: escapeMrkdwn([...request.q.replace(/[\u0000-\u001f\u007f]/g, ' ')].slice(0, 300).join('')) }
      : request,
  );
}

export function decodeCardRequest(raw: string | undefined): CardRequest | null {
  const request = decodeJson(raw, cardRequestSchema);
  return request?.k === 'question' ? { ...request, q: unescapeMrkdwn(request.q) } : request;
}
