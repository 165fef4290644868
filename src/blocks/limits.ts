import type { KnownBlock } from '@slack/types';

/** Slack's Block Kit limits (see ../shared/slack/platform-notes.md §1). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeTab: 100,
  modalTitle: 24,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  overflowOptions: 5,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  contextActionsElements: 5,
  accessibilityLabel: 75,
  buttonUrl: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  fallbackText: 40_000,
} as const;

export interface SlackMessage {
  /** Fallback for notifications and screen readers; always present. */
  text: string;
  blocks: KnownBlock[];
}

/** Cuts text to at most `max` characters (counted as JavaScript does, as Slack does), ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half an escape ("&am") or half a surrogate pair behind.
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

type AnyObject = Record<string, unknown>;

/** Where blocks go: a message holds 50, the Home tab and a modal 100. */
export type Surface = 'message' | 'home' | 'modal';

/**
 * The one place every outgoing message passes through: cuts each text, id and value to Slack's
 * limits, keeps at most 50 blocks (or 100 on the Home tab) and makes sure there is fallback text.
 */
export function enforceLimits(message: SlackMessage, surface: Surface = 'message'): SlackMessage {
  // Most cards are within the limits already: checking is cheap, copying and cutting is not.
  if (limitViolations(message, surface).length === 0) return message;
  const maxBlocks = surface === 'message' ? LIMITS.blocksPerMessage : LIMITS.blocksPerHomeTab;
  const blocks = message.blocks
    .slice(0, maxBlocks)
    .map((block) => limitBlock(structuredClone(block) as unknown as AnyObject) as unknown as KnownBlock);
  const text = truncate(message.text.trim() || 'LinkedIn AI-training answer', LIMITS.fallbackText);
  return { text, blocks };
}

function limitBlock(block: AnyObject): AnyObject {
  if (typeof block.block_id === 'string') block.block_id = block.block_id.slice(0, LIMITS.blockId);
  switch (block.type) {
    case 'header':
      limitText(block.text, LIMITS.headerText);
      break;
    case 'section':
      limitText(block.text, LIMITS.sectionText);
      if (Array.isArray(block.fields)) {
        block.fields = block.fields.slice(0, LIMITS.sectionFields);
        for (const f of block.fields as unknown[]) limitText(f, LIMITS.sectionField);
      }
      if (block.accessory) limitElement(block.accessory as AnyObject);
      break;
    case 'context':
      if (Array.isArray(block.elements)) {
        block.elements = block.elements.slice(0, LIMITS.contextElements);
        for (const e of block.elements as unknown[]) limitText(e, LIMITS.sectionText);
      }
      break;
    case 'actions':
      if (Array.isArray(block.elements)) {
        block.elements = block.elements.slice(0, LIMITS.actionsElements);
        for (const e of block.elements as AnyObject[]) limitElement(e);
      }
      break;
    case 'context_actions':
      if (Array.isArray(block.elements)) block.elements = block.elements.slice(0, LIMITS.contextActionsElements);
      break;
  }
  return block;
}

function limitElement(element: AnyObject): void {
  if (element.type === 'button') limitText(element.text, LIMITS.buttonText);
  if (typeof element.action_id === 'string') element.action_id = element.action_id.slice(0, LIMITS.actionId);
  if (typeof element.value === 'string') element.value = truncate(element.value, LIMITS.buttonValue);
  if (typeof element.url === 'string' && element.url.length > LIMITS.buttonUrl) delete element.url;
  if (Array.isArray(element.options)) {
    element.options = element.options.slice(0, element.type === 'overflow' ? LIMITS.overflowOptions : LIMITS.selectOptions);
    for (const o of element.options as AnyObject[]) {
      limitText(o.text, LIMITS.optionText);
      if (typeof o.value === 'string') o.value = o.value.slice(0, LIMITS.optionValue);
    }
  }
  const confirm = element.confirm as AnyObject | undefined;
  if (confirm) {
    limitText(confirm.title, LIMITS.confirmTitle);
    limitText(confirm.text, LIMITS.confirmText);
    limitText(confirm.confirm, LIMITS.confirmButton);
    limitText(confirm.deny, LIMITS.confirmButton);
  }
}

function limitText(object: unknown, max: number): void {
  if (object && typeof object === 'object' && typeof (object as AnyObject).text === 'string') {
    const o = object as AnyObject;
    o.text = truncate((o.text as string) || ' ', max);
  }
}

/** Every way `message` breaks Slack's limits; empty when it is fine. Used by tests and as a guard. */
export function limitViolations(message: SlackMessage, surface: Surface = 'message'): string[] {
  const problems: string[] = [];
  const maxBlocks = surface === 'message' ? LIMITS.blocksPerMessage : LIMITS.blocksPerHomeTab;
  if (!message.text?.trim()) problems.push('no fallback text');
  if (message.text.length > LIMITS.fallbackText) problems.push('fallback text too long');
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks`);
  const blockIds = new Set<string>();
  message.blocks.forEach((b, i) => {
    const block = b as unknown as AnyObject;
    const at = `blocks[${i}] (${String(block.type)})`;
    const text = (o: unknown) => (o && typeof o === 'object' ? ((o as AnyObject).text as string | undefined) : undefined);
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > LIMITS.blockId) problems.push(`${at}: block_id too long`);
      if (blockIds.has(block.block_id)) problems.push(`${at}: duplicate block_id`);
      blockIds.add(block.block_id);
    }
    if (block.type === 'header') {
      const t = text(block.text);
      if (!t || t.length > LIMITS.headerText) problems.push(`${at}: header text empty or over ${LIMITS.headerText}`);
      if ((block.text as AnyObject)?.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
    }
    if (block.type === 'section') {
      const t = text(block.text);
      if (t !== undefined && (t.length === 0 || t.length > LIMITS.sectionText))
        problems.push(`${at}: section text empty or over ${LIMITS.sectionText}`);
      if (t === undefined && !Array.isArray(block.fields)) problems.push(`${at}: section without text or fields`);
      if (Array.isArray(block.fields)) {
        if (block.fields.length > LIMITS.sectionFields) problems.push(`${at}: ${block.fields.length} fields`);
        for (const f of block.fields) if ((text(f) ?? '').length > LIMITS.sectionField) problems.push(`${at}: a field over ${LIMITS.sectionField}`);
      }
      if (block.accessory) elementProblems(block.accessory as AnyObject, at, problems);
    }
    if (block.type === 'context') {
      const elements = (block.elements as unknown[]) ?? [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(`${at}: ${elements.length} context elements`);
      for (const e of elements) if (!text(e)) problems.push(`${at}: empty context text`);
    }
    if (block.type === 'context_actions') {
      const elements = (block.elements as AnyObject[]) ?? [];
      if (elements.length === 0 || elements.length > LIMITS.contextActionsElements) problems.push(`${at}: ${elements.length} context actions`);
      for (const e of elements) {
        for (const b of [e.positive_button, e.negative_button] as (AnyObject | undefined)[]) {
          const label = b && typeof b.text === 'object' ? ((b.text as AnyObject).text as string | undefined) : undefined;
          if (!label || label.length > LIMITS.buttonText) problems.push(`${at}: feedback button text empty or over ${LIMITS.buttonText}`);
          if (typeof b?.value !== 'string' || b.value.length > LIMITS.buttonValue) problems.push(`${at}: feedback button value`);
          if (typeof b?.accessibility_label === 'string' && b.accessibility_label.length > LIMITS.accessibilityLabel) problems.push(`${at}: accessibility label too long`);
        }
      }
    }
    if (block.type === 'actions') {
      const elements = (block.elements as AnyObject[]) ?? [];
      if (elements.length === 0 || elements.length > LIMITS.actionsElements) problems.push(`${at}: ${elements.length} action elements`);
      const ids = new Set<string>();
      for (const e of elements) {
        elementProblems(e, at, problems);
        const id = e.action_id as string | undefined;
        if (id !== undefined && ids.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
        if (id !== undefined) ids.add(id);
      }
    }
  });
  return problems;
}

function elementProblems(e: AnyObject, at: string, problems: string[]): void {
  const t = e.text && typeof e.text === 'object' ? ((e.text as AnyObject).text as string | undefined) : undefined;
  if (e.type === 'button' && (!t || t.length > LIMITS.buttonText)) problems.push(`${at}: button text empty or over ${LIMITS.buttonText}`);
  const id = e.action_id as string | undefined;
  if (id !== undefined && (id.length === 0 || id.length > LIMITS.actionId)) problems.push(`${at}: action_id length`);
  if (typeof e.value === 'string' && e.value.length > LIMITS.buttonValue) problems.push(`${at}: button value over ${LIMITS.buttonValue}`);
  if (typeof e.url === 'string' && e.url.length > LIMITS.buttonUrl) problems.push(`${at}: button url too long`);
  if (e.type === 'overflow') {
    const options = (e.options as AnyObject[] | undefined) ?? [];
    if (options.length === 0 || options.length > LIMITS.overflowOptions) problems.push(`${at}: ${options.length} overflow options`);
    for (const o of options) {
      const label = o.text && typeof o.text === 'object' ? ((o.text as AnyObject).text as string | undefined) : undefined;
      if (!label || label.length > LIMITS.optionText) problems.push(`${at}: option text empty or over ${LIMITS.optionText}`);
      if (typeof o.value !== 'string' || o.value.length > LIMITS.optionValue) problems.push(`${at}: option value over ${LIMITS.optionValue}`);
    }
  }
  const confirm = e.confirm as AnyObject | undefined;
  if (confirm) {
    const text = (o: unknown) => (o && typeof o === 'object' ? ((o as AnyObject).text as string | undefined) : undefined);
    const parts: [string, unknown, number][] = [
      ['title', confirm.title, LIMITS.confirmTitle],
      ['text', confirm.text, LIMITS.confirmText],
      ['confirm', confirm.confirm, LIMITS.confirmButton],
      ['deny', confirm.deny, LIMITS.confirmButton],
    ];
    for (const [name, part, max] of parts) {
      const t = text(part);
      // Slack requires title, text, confirm and deny in every dialog.
      if (!t || t.length > max) problems.push(`${at}: confirm ${name} empty or over ${max}`);
    }
  }
}
