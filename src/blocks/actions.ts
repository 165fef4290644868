import { z } from 'zod';
import { LANGUAGES, type Language } from '../knowledge/languages.js';
import { REGION_IDS, type RegionId } from '../knowledge/schema.js';
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
  details: 'details',
  /** An example question (help card): answered as if it had been asked. */
  ask: 'ask',
  /** "Report a problem": asks what was wrong, like 👎. */
  report: 'report',
  /** The reason picked after 👎 or "Report a problem". */
  feedbackReason: 'feedback:reason',
  /** The overflow menu on an answer card; each option stands for one of the actions above. */
  more: 'more',
  /** The compact 👍/👎 pair (a feedback_buttons element); each button stands for feedbackUp or feedbackDown. */
  feedback: 'feedback',
} as const;

/** Why an answer did not help, as the 👎 menu offers it. */
export const FEEDBACK_REASONS = {
  wrong: 'It is wrong',
  'out-of-date': 'It is out of date',
  unclear: 'It is unclear',
  'not-asked': "It isn't what I asked",
} as const;
export type FeedbackReason = keyof typeof FEEDBACK_REASONS;

/**
 * A menu option or a feedback button stands for a click on one of the buttons above: "<action id> <value>".
 * One listener then answers the button and the option alike.
 */
export function encodeChoice(actionId: string, value = ''): string {
  return `${actionId} ${value}`;
}

export function decodeChoice(raw: string | undefined): { actionId: string; value: string } | null {
  const match = raw?.match(/^([a-z0-9:-]+) ([\s\S]*)$/);
  return match ? { actionId: match[1] as string, value: match[2] as string } : null;
}

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .nullable()
  .optional();

/** A topic button: the topic, and the place the person asked about, kept for the follow-up. */
export interface ButtonValue {
  topic: string;
  region?: RegionId | null;
  country?: string | null;
  /** The language the answer was in, so the next one is too (absent: English). */
  language?: Language;
}

/** What a card was made from, so a button can make it again (to share it in the channel), in the language it was in (absent: English). */
export type CardRequest =
  | { kind: 'question'; question: string; language?: Language }
  | ({ kind: 'topic' } & ButtonValue)
  | { kind: 'region'; region: RegionId; place?: string | null; country?: string | null; language?: Language }
  | { kind: 'overview'; language?: Language }
  | { kind: 'help'; language?: Language };

// On the wire (a button value holds at most 2,000 characters) the keys are one letter each; only the
// encode and decode functions below know them.
const wireButtonValue = z.object({
  t: z.string().max(60),
  r: z.enum(REGION_IDS).nullable().optional(),
  c: countryCode,
  l: z.enum(LANGUAGES).optional(),
});
const wireCardRequest = z.discriminatedUnion('k', [
  z.object({ k: z.literal('question'), q: z.string().max(1600), l: z.enum(LANGUAGES).optional() }),
  z.object({ k: z.literal('topic'), ...wireButtonValue.shape }),
  z.object({
    k: z.literal('region'),
    r: z.enum(REGION_IDS),
    p: z.string().max(100).nullable().optional(),
    c: countryCode,
    l: z.enum(LANGUAGES).optional(),
  }),
  z.object({ k: z.literal('overview'), l: z.enum(LANGUAGES).optional() }),
  z.object({ k: z.literal('help'), l: z.enum(LANGUAGES).optional() }),
]);
type WireButtonValue = z.infer<typeof wireButtonValue>;
type WireCardRequest = z.infer<typeof wireCardRequest>;

const toWireValue = (v: ButtonValue): WireButtonValue => ({
  t: v.topic,
  ...(v.region !== undefined ? { r: v.region } : {}),
  ...(v.country !== undefined ? { c: v.country } : {}),
  ...(v.language && v.language !== 'en' ? { l: v.language } : {}),
});
const fromWireValue = (w: WireButtonValue): ButtonValue => ({
  topic: w.t,
  ...(w.r !== undefined ? { region: w.r } : {}),
  ...(w.c !== undefined ? { country: w.c } : {}),
  ...(w.l !== undefined ? { language: w.l } : {}),
});

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(toWireValue(value));
}

/** The value of a button we made, or null for anything else (a forged or old payload). */
export function decodeButtonValue(raw: string | undefined): ButtonValue | null {
  const wire = decodeJson(raw, wireButtonValue);
  return wire ? fromWireValue(wire) : null;
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

// The question travels in a button value: it is kept escaped there too, so no payload anywhere
// carries a live "<!channel>", even though values are never shown as mrkdwn.
export function encodeCardRequest(request: CardRequest): string {
  return JSON.stringify(toWireRequest(request));
}

export function decodeCardRequest(raw: string | undefined): CardRequest | null {
  const wire = decodeJson(raw, wireCardRequest);
  return wire ? fromWireRequest(wire) : null;
}

function toWireRequest(request: CardRequest): WireCardRequest {
  // English is the default: a card in English carries no language.
  const l = request.language && request.language !== 'en' ? { l: request.language } : {};
  switch (request.kind) {
    case 'question':
      return {
        k: 'question',
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced before the question goes into a button value.
        q: escapeMrkdwn([...request.question.replace(/[\u0000-\u001f\u007f]/g, ' ')].slice(0, 300).join('')),
        ...l,
      };
    case 'topic':
      return { k: 'topic', ...toWireValue(request) };
    case 'region':
      return {
        k: 'region',
        r: request.region,
        ...(request.place !== undefined ? { p: request.place } : {}),
        ...(request.country !== undefined ? { c: request.country } : {}),
        ...l,
      };
    default:
      return { k: request.kind, ...l };
  }
}

function fromWireRequest(wire: WireCardRequest): CardRequest {
  const language = wire.l !== undefined ? { language: wire.l } : {};
  switch (wire.k) {
    case 'question':
      return { kind: 'question', question: unescapeMrkdwn(wire.q), ...language };
    case 'topic':
      return { kind: 'topic', ...fromWireValue(wire) };
    case 'region':
      return {
        kind: 'region',
        region: wire.r,
        ...(wire.p !== undefined ? { place: wire.p } : {}),
        ...(wire.c !== undefined ? { country: wire.c } : {}),
        ...language,
      };
    default:
      return { kind: wire.k, ...language };
  }
}
