/** Slack ids as Slack writes them: channels (C public, G private, D direct) and people (U, W). */
export const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
export const USER_ID = /^[UW][A-Z0-9]+$/;
