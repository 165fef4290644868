import type { BlockAction, ButtonAction } from '@slack/bolt';

/** The fields of a button click the listeners use, read defensively: payloads are not ours to trust. */
export function clicked(body: BlockAction): {
  action: ButtonAction | undefined;
  teamId: string;
  userId: string;
  inView: boolean;
  ephemeral: boolean;
  inDm: boolean;
} {
  const action = body.actions?.[0]?.type === 'button' ? (body.actions[0] as ButtonAction) : undefined;
  const container = (body.container ?? {}) as { type?: string; is_ephemeral?: boolean; channel_id?: string };
  const channelId = body.channel?.id ?? container.channel_id ?? '';
  return {
    action,
    teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
    userId: body.user.id,
    inView: container.type === 'view',
    ephemeral: container.is_ephemeral === true,
    // Direct-message channel ids start with D.
    inDm: channelId.startsWith('D'),
  };
}
