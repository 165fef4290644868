import type { BlockAction } from '@slack/bolt';
import { ACTIONS, decodeChoice } from '../../blocks/actions.js';

/** One click as the listeners see it: which of our actions, and the value it carried. */
export interface Click {
  action_id: string;
  block_id: string | undefined;
  value: string | undefined;
}

/**
 * The action a payload stands for. A button is itself; an overflow option and a feedback button carry
 * "<action id> <value>" (see `encodeChoice`), so they reach the same listener as the button they stand
 * for; a select's chosen option is its value.
 */
export function clickOf(body: BlockAction): Click | undefined {
  const raw = body.actions?.[0] as unknown as Record<string, unknown> | undefined;
  if (!raw || typeof raw.action_id !== 'string') return undefined;
  const block_id = typeof raw.block_id === 'string' ? raw.block_id : undefined;
  const selected = (raw.selected_option as { value?: unknown } | undefined)?.value;
  switch (raw.type) {
    case 'button':
      return { action_id: raw.action_id, block_id, value: typeof raw.value === 'string' ? raw.value : undefined };
    case 'overflow':
    case 'feedback_buttons': {
      const choice = decodeChoice(typeof selected === 'string' ? selected : typeof raw.value === 'string' ? raw.value : undefined);
      return choice ? { action_id: choice.actionId, block_id, value: choice.value } : undefined;
    }
    case 'static_select': {
      const value = typeof selected === 'string' ? selected : undefined;
      // A menu of our actions (the "something else" topics) chooses like the overflow menu.
      if (raw.action_id !== ACTIONS.more) return { action_id: raw.action_id, block_id, value };
      const choice = decodeChoice(value);
      return choice ? { action_id: choice.actionId, block_id, value: choice.value } : undefined;
    }
    default:
      return undefined;
  }
}

/** The fields of a click the listeners use, read defensively: payloads are not ours to trust. */
export function clicked(body: BlockAction): {
  action: Click | undefined;
  teamId: string;
  userId: string;
  inView: boolean;
  ephemeral: boolean;
  inDm: boolean;
} {
  const container = (body.container ?? {}) as { type?: string; is_ephemeral?: boolean; channel_id?: string };
  const channelId = body.channel?.id ?? container.channel_id ?? '';
  return {
    action: clickOf(body),
    teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
    userId: body.user.id,
    inView: container.type === 'view',
    ephemeral: container.is_ephemeral === true,
    // Direct-message channel ids start with D.
    inDm: channelId.startsWith('D'),
  };
}
