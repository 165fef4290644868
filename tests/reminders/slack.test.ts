import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/actions.js';
import { limitViolations } from '../../src/blocks/limits.js';
import { REMINDER_ADMIN } from '../../src/blocks/reminders-card.js';
import type { Reminder } from '../../src/reminders/reminder-store.js';
import { ACCEPTED_FORMS } from '../../src/reminders/schedule.js';
import {
  ADMIN_ID,
  asMessage,
  blocksOf,
  buttonClick,
  buttonsOf,
  COMMAND_RESPONSE_URL,
  headerOf,
  type Json,
  mockResponseUrl,
  mockSlackApi,
  NOW,
  RESPONSE_URL,
  slashCommand,
  TEAM_ID,
  USER_ID,
  useHarness,
  visibleText,
} from '../support/slack-in-process.js';
import { newReminder } from './helpers.js';

// A fresh app and database for every test; any Web API request without a mock fails the test.
const h = useHarness();

/** users.info as Slack answers it for this person. */
function usersInfo(user: Json) {
  return mockSlackApi('users.info', {
    ok: true,
    user: { id: USER_ID, is_admin: false, is_owner: false, is_primary_owner: false, tz: 'Europe/London', ...user },
  });
}

/** Runs the slash command; it is acknowledged at once (empty), and answered through response_url. */
async function command(text: string, user = USER_ID): Promise<Json[]> {
  const replies = mockResponseUrl(COMMAND_RESPONSE_URL);
  const { acks } = await h.deliver(slashCommand(text, { user_id: user }));
  expect(acks).toEqual([undefined]);
  return replies.posts;
}

function only(posts: Json[]): Json {
  expect(posts).toHaveLength(1);
  return posts[0] as Json;
}

async function seed(overrides: Parameters<typeof newReminder>[0] = {}): Promise<Reminder> {
  return h.deps.reminders.create(newReminder({ teamId: TEAM_ID, channelId: 'C0123ABCD', createdBy: ADMIN_ID, ...overrides }), NOW);
}

let actionReplies: ReturnType<typeof mockResponseUrl> | null = null;
beforeEach(() => {
  actionReplies = null;
});

/** Clicks an admin button on the reminders list; returns what was posted to the action's response_url for this click. */
async function click(actionId: string, value: string, user = ADMIN_ID): Promise<Json[]> {
  // One interceptor per test: nock answers with the first one registered for a URL.
  actionReplies ??= mockResponseUrl(RESPONSE_URL);
  const before = actionReplies.posts.length;
  const { acks } = await h.deliver(buttonClick(actionId, { value, user, ephemeral: true }));
  expect(acks).toEqual([undefined]);
  return actionReplies.posts.slice(before);
}

describe('/linkedin-ai remind', () => {
  it('refuses a person who is not an admin, and creates nothing', async () => {
    const info = usersInfo({ is_admin: false, tz: 'Europe/Berlin' });
    const reply = only(await command('remind <#C0123ABCD|general> weekdays 9am'));
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/Only workspace admins/);
    expect(info.calls.map((c) => c.user)).toEqual([USER_ID]);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('for an admin named in ADMIN_USER_IDS: creates it in their Slack time zone and confirms', async () => {
    const info = usersInfo({ id: ADMIN_ID, tz: 'Europe/Berlin' });
    const reply = only(await command('remind <#C0123ABCD|general> weekdays 9am', ADMIN_ID));
    const [r, ...more] = await h.deps.reminders.list();
    expect(more).toEqual([]);
    expect(r).toMatchObject({
      teamId: TEAM_ID,
      channelId: 'C0123ABCD',
      createdBy: ADMIN_ID,
      schedule: { kind: 'weekdays', time: '09:00' },
      timezone: 'Europe/Berlin',
      until: null,
      mentionHere: false,
      status: 'active',
      // NOW is Sunday 29 November 2026: next is Monday 09:00 in Berlin, 08:00 UTC.
      nextRunAt: '2026-11-30T08:00:00.000Z',
    });
    // users.info only for the time zone: the configured admin needs no lookup.
    expect(info.calls.map((c) => c.user)).toEqual([ADMIN_ID]);
    expect(reply.response_type).toBe('ephemeral');
    const text = reply.text as string;
    expect(text).toContain(`Reminder *${r?.id}* set for <#C0123ABCD>`);
    expect(text).toContain('every weekday at 09:00 (Europe/Berlin)');
    expect(text).toContain('Monday 30 November 2026, 09:00');
    expect(text).toContain('/linkedin-ai reminders');
  });

  it('for a workspace admin (users.info is_admin): the zone written in the schedule wins, and <!here> is kept', async () => {
    const info = usersInfo({ is_admin: true, tz: 'Europe/Berlin' });
    const reply = only(await command('remind <#C0123ABCD|general> every monday and thursday at 10:30 America/New_York until 2027-01-31 <!here>'));
    const [r] = await h.deps.reminders.list();
    expect(r).toMatchObject({
      createdBy: USER_ID,
      schedule: { kind: 'weekly', days: [1, 4], time: '10:30' },
      timezone: 'America/New_York',
      until: '2027-01-31',
      mentionHere: true,
      nextRunAt: '2026-11-30T15:30:00.000Z',
    });
    // Asked once, whether they are an admin; the zone came from the text.
    expect(info.calls).toHaveLength(1);
    expect(reply.text).toContain('with @here on the first post only');
    expect(reply.text).toContain('until 31 January 2027');
  });

  it('keeps the language the admin chose (lang:de) for the card', async () => {
    usersInfo({ id: ADMIN_ID, tz: 'Europe/Berlin' });
    const reply = only(await command('remind <#C0123ABCD|general> weekly monday 9am lang:de', ADMIN_ID));
    expect(reply.text).toContain('in Deutsch');
    const [r] = await h.deps.reminders.list();
    expect(r?.language).toBe('de');
    const card = h.deps.scheduler.card({ id: r?.id ?? '', mentionHere: false, language: r?.language ?? null }, 3);
    expect(JSON.stringify(card.blocks)).toContain('Prüfen Sie Ihre LinkedIn-Einstellung zum KI-Training');
    expect(JSON.stringify(card.blocks)).toContain('3 Personen haben');
  });

  it('refuses a language it cannot post in, saying which it can', async () => {
    usersInfo({ id: ADMIN_ID, tz: 'Europe/Berlin' });
    const refused = only(await command('remind <#C0123ABCD|general> weekly monday 9am lang:xx', ADMIN_ID));
    expect(refused.text).toMatch(/lang:de/);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('falls back to UTC when the person’s time zone cannot be read', async () => {
    mockSlackApi('users.info', { ok: false, error: 'user_not_found' });
    only(await command('remind <#C0123ABCD|general> daily 09:00', ADMIN_ID));
    expect((await h.deps.reminders.list())[0]).toMatchObject({ timezone: 'UTC', nextRunAt: '2026-11-30T09:00:00.000Z' });
  });

  it('answers a schedule it cannot read with what went wrong and every accepted form', async () => {
    const reply = only(await command('remind <#C0123ABCD|general> sometimes 9am', ADMIN_ID));
    const text = reply.text as string;
    expect(text).toContain('sometimes');
    for (const form of ACCEPTED_FORMS) expect(text).toContain(form);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('answers a bad time zone in the schedule the same way', async () => {
    const reply = only(await command('remind <#C0123ABCD|general> daily 09:00 Mars/Base', ADMIN_ID));
    expect(reply.text).toMatch(/Mars\/Base.*not a time zone/);
    expect(reply.text).toContain(ACCEPTED_FORMS[0]);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('explains how to pick the channel when "#general" is typed as plain text', async () => {
    const reply = only(await command('remind #general weekdays 9am', ADMIN_ID));
    const text = reply.text as string;
    expect(text).toMatch(/Pick the channel from Slack's list as you type #/);
    expect(text).toContain('#general');
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('asks for the channel when there is none', async () => {
    const reply = only(await command('remind', ADMIN_ID));
    expect(reply.text).toMatch(/Start with the channel/);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('says so when a one-off is already past', async () => {
    usersInfo({ id: ADMIN_ID, tz: 'UTC' });
    const reply = only(await command('remind <#C0123ABCD|general> once 2026-01-01 09:00', ADMIN_ID));
    expect(reply.text).toMatch(/no time left to run/);
    expect(await h.deps.reminders.list()).toEqual([]);
  });
});

describe('/linkedin-ai reminders', () => {
  it('lists the team’s reminders with pause/resume, send-now and delete buttons', async () => {
    const active = await seed();
    const paused = await seed({
      channelId: 'C0SECOND1',
      schedule: { kind: 'weekdays', time: '09:00' },
      timezone: 'Europe/Berlin',
      mentionHere: true,
    });
    await h.deps.reminders.pause(paused.id, NOW);
    await h.deps.reminders.create(newReminder({ teamId: 'T_OTHER' }), NOW);

    const reply = only(await command('reminders', ADMIN_ID));
    expect(reply.response_type).toBe('ephemeral');
    expect(headerOf(reply)).toBe('Reminders (2)');
    expect(limitViolations(asMessage(reply))).toEqual([]);
    const text = visibleText(reply);
    expect(text).toContain(active.id);
    expect(text).toContain(paused.id);
    expect(text).toContain('every weekday at 09:00 (Europe/Berlin)');
    const forId = (id: string) =>
      buttonsOf(reply)
        .filter((b) => b.value === id)
        .map((b) => b.action_id);
    expect(forId(active.id)).toEqual([REMINDER_ADMIN.pause, REMINDER_ADMIN.send, REMINDER_ADMIN.delete]);
    expect(forId(paused.id)).toEqual([REMINDER_ADMIN.resume, REMINDER_ADMIN.send, REMINDER_ADMIN.delete]);
    // Delete and send now ask first; pause and resume do not, and resume is no green button.
    const del = buttonsOf(reply).find((b) => b.action_id === REMINDER_ADMIN.delete);
    expect(del?.confirm).toMatchObject({ title: { text: 'Delete this reminder?' }, style: 'danger' });
    const send = buttonsOf(reply).find((b) => b.action_id === REMINDER_ADMIN.send && b.value === paused.id);
    expect(send?.confirm).toMatchObject({
      title: { text: 'Send this reminder now?' },
      text: { text: expect.stringContaining('notifies the channel with @here') },
    });
    const resume = buttonsOf(reply).find((b) => b.action_id === REMINDER_ADMIN.resume);
    expect(resume?.style).toBeUndefined();
    expect(resume?.confirm).toBeUndefined();
    expect(text).toContain('@here on the first post only');
  });

  it('says there are none yet', async () => {
    const reply = only(await command('reminders', ADMIN_ID));
    expect(headerOf(reply)).toBe('Reminders (0)');
    expect(visibleText(reply)).toMatch(/No reminders yet/);
  });

  it('refuses a person who is not an admin', async () => {
    await seed();
    usersInfo({ is_admin: false });
    const reply = only(await command('reminders'));
    expect(reply.text).toMatch(/Only workspace admins/);
    expect(blocksOf(reply)).toEqual([]);
  });
});

describe('the admin buttons', () => {
  it('pause, resume and delete change the store and redraw the list in place', async () => {
    const r = await seed({ schedule: { kind: 'daily', time: '09:00' } });

    const paused = only(await click(REMINDER_ADMIN.pause, r.id));
    expect(await h.deps.reminders.get(r.id)).toMatchObject({ status: 'paused' });
    expect(paused.replace_original).toBe(true);
    expect(
      buttonsOf(paused)
        .filter((b) => b.value === r.id)
        .map((b) => b.action_id),
    ).toContain(REMINDER_ADMIN.resume);

    const resumed = only(await click(REMINDER_ADMIN.resume, r.id));
    expect(await h.deps.reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: '2026-11-30T09:00:00.000Z' });
    expect(
      buttonsOf(resumed)
        .filter((b) => b.value === r.id)
        .map((b) => b.action_id),
    ).toContain(REMINDER_ADMIN.pause);

    const deleted = only(await click(REMINDER_ADMIN.delete, r.id));
    expect(await h.deps.reminders.get(r.id)).toBeNull();
    expect(headerOf(deleted)).toBe('Reminders (0)');
  });

  it('send now posts the reminder card to its channel once, without moving the schedule', async () => {
    const r = await seed();
    const post = mockSlackApi('chat.postMessage', { ok: true, channel: 'C0123ABCD', ts: '1790000000.000100' });
    const reply = only(await click(REMINDER_ADMIN.send, r.id));
    expect(post.calls).toHaveLength(1);
    expect(post.calls[0]?.channel).toBe('C0123ABCD');
    expect(headerOf(post.calls[0])).toBe('Check your LinkedIn AI-training setting');
    expect(reply.text).toBe(`Sent ${r.id} now.`);
    expect(await h.deps.reminders.deliveries(r.id)).toEqual([expect.objectContaining({ status: 'sent', messageTs: '1790000000.000100' })]);
    expect((await h.deps.reminders.get(r.id))?.nextRunAt).toBe(r.nextRunAt);
  });

  it('refuses a person who is not an admin and changes nothing', async () => {
    const r = await seed();
    usersInfo({ is_admin: false });
    for (const action of [REMINDER_ADMIN.pause, REMINDER_ADMIN.delete, REMINDER_ADMIN.send]) {
      const reply = only(await click(action, r.id, USER_ID));
      expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(reply.text).toMatch(/Only admins/);
    }
    expect(await h.deps.reminders.get(r.id)).toMatchObject({ status: 'active' });
    expect(await h.deps.reminders.deliveries(r.id)).toEqual([]);
  });

  it('does not touch another team’s reminder', async () => {
    const theirs = await h.deps.reminders.create(newReminder({ teamId: 'T_OTHER' }), NOW);
    const reply = only(await click(REMINDER_ADMIN.delete, theirs.id));
    expect(reply.text).toMatch(/no longer exists/);
    expect(await h.deps.reminders.get(theirs.id)).not.toBeNull();
  });
});

describe('"✅ I\'ve opted out" on a reminder message', () => {
  const MESSAGE_TS = '1700000003.000400';

  /** A click on the confirm button of the reminder card posted in C1 (the container message). */
  function confirmClick(reminderId: string, user: string): Json {
    const body = buttonClick(ACTIONS.confirmOptOut, { value: 'confirm', user, channel: 'C1' });
    const [action] = body.actions as Json[];
    (action as Json).block_id = `reminder:${reminderId}:0`;
    expect(body.container).toMatchObject({ type: 'message', channel_id: 'C1', message_ts: MESSAGE_TS });
    return body;
  }

  it('counts each person once and shows the count on the message (chat.update)', async () => {
    const r = await seed({ channelId: 'C1' });
    const update = mockSlackApi('chat.update', { ok: true });
    const replies = mockResponseUrl(RESPONSE_URL);

    await h.deliver(confirmClick(r.id, 'U1'));
    expect(await h.deps.reminders.countAcknowledgements('C1', MESSAGE_TS)).toBe(1);
    await h.deliver(confirmClick(r.id, 'U1'));
    expect(await h.deps.reminders.countAcknowledgements('C1', MESSAGE_TS)).toBe(1);
    await h.deliver(confirmClick(r.id, 'U2'));
    expect(await h.deps.reminders.countAcknowledgements('C1', MESSAGE_TS)).toBe(2);

    // One update per new person; U1's second click changes nothing.
    expect(update.calls).toHaveLength(2);
    for (const call of update.calls) expect(call).toMatchObject({ channel: 'C1', ts: MESSAGE_TS });
    expect(visibleText(update.calls[0])).toContain('1 person has');
    expect(visibleText(update.calls[1])).toContain('2 people have');
    expect(headerOf(update.calls[1])).toBe('Check your LinkedIn AI-training setting');
    expect(blocksOf(update.calls[1]).find((b) => b.type === 'actions')?.block_id).toBe(`reminder:${r.id}:2`);
    expect(limitViolations(asMessage(update.calls[1]))).toEqual([]);

    // Each clicker is answered privately; the second click by U1 says it was already noted.
    expect(replies.posts.map((p) => p.text)).toEqual([
      "✅ Noted: you've opted out. Thank you!",
      "✅ You'd already told me you opted out. Nothing more to do.",
      "✅ Noted: you've opted out. Thank you!",
    ]);
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(2);
  });

  /** Records the reminder's message MESSAGE_TS in C1 as sent (its latest), pinging or not. */
  async function posted(r: Reminder, mentionedHere: boolean): Promise<void> {
    await h.deps.reminders.claim(r, r.nextRunAt as string, { instanceId: 'test', next: null, status: 'sending' }, NOW);
    await h.deps.reminders.finish(r.id, r.nextRunAt as string, { status: 'sent', messageTs: MESSAGE_TS, mentionedHere }, NOW);
  }

  it('keeps @here on the updated card of the post that pinged', async () => {
    const r = await seed({ channelId: 'C1', mentionHere: true });
    await posted(r, true);
    const update = mockSlackApi('chat.update', { ok: true });
    mockResponseUrl(RESPONSE_URL);
    await h.deliver(confirmClick(r.id, 'U3'));
    expect(update.calls).toHaveLength(1);
    expect(String(update.calls[0]?.text).startsWith('<!here>')).toBe(true);
  });

  it('adds no @here to the update of a later post of the same reminder', async () => {
    const r = await seed({ channelId: 'C1', mentionHere: true });
    await posted(r, false);
    const update = mockSlackApi('chat.update', { ok: true });
    mockResponseUrl(RESPONSE_URL);
    await h.deliver(confirmClick(r.id, 'U3'));
    expect(update.calls).toHaveLength(1);
    expect(JSON.stringify(update.calls[0])).not.toContain('<!here');
  });

  it('shows the workspace’s count, also opt-outs confirmed elsewhere (the Home tab)', async () => {
    const r = await seed({ channelId: 'C1' });
    for (const user of ['UA', 'UB', 'UC']) await h.store.confirmOptOut(TEAM_ID, user, NOW);
    await h.store.confirmOptOut('T_OTHER', 'UZ', NOW);
    const update = mockSlackApi('chat.update', { ok: true });
    mockResponseUrl(RESPONSE_URL);
    await h.deliver(confirmClick(r.id, 'U1'));
    expect(visibleText(update.calls[0])).toContain('4 people have confirmed opting out');
    expect(blocksOf(update.calls[0]).find((b) => b.type === 'actions')?.block_id).toBe(`reminder:${r.id}:4`);
  });

  it('leaves a message a newer one replaced as it is (one line, no count), while still recording the opt-out', async () => {
    const r = await seed({ channelId: 'C1' });
    await posted(r, false);
    await h.deps.reminders.claim(r, 'manual:later', { instanceId: 'test', next: null, status: 'sending', advance: false }, NOW);
    await h.deps.reminders.finish(r.id, 'manual:later', { status: 'sent', messageTs: '1700000009.000900' }, NOW);
    const update = mockSlackApi('chat.update', { ok: true });
    const replies = mockResponseUrl(RESPONSE_URL);
    await h.deliver(confirmClick(r.id, 'U1'));
    expect(update.calls).toEqual([]);
    expect(replies.posts.map((p) => p.text)).toEqual(["✅ Noted: you've opted out. Thank you!"]);
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(1);
  });

  it('the admins’ list shows the count on the latest message', async () => {
    const r = await seed({ channelId: 'C1' });
    await h.deps.reminders.claim(r, r.nextRunAt as string, { instanceId: 'test', next: null, status: 'sending' }, NOW);
    await h.deps.reminders.finish(r.id, r.nextRunAt as string, { status: 'sent', messageTs: MESSAGE_TS }, NOW);
    mockSlackApi('chat.update', { ok: true });
    mockResponseUrl(RESPONSE_URL);
    await h.deliver(confirmClick(r.id, 'U1'));
    await h.deliver(confirmClick(r.id, 'U2'));
    const reply = only(await command('reminders', ADMIN_ID));
    expect(visibleText(reply)).toContain('✅ 2 confirmed on the latest message');
  });

  it('on an ordinary card (no reminder block) nothing is counted on a message', async () => {
    const update = mockSlackApi('chat.update', { ok: true });
    mockResponseUrl(RESPONSE_URL);
    await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm', user: 'U1' }));
    expect(update.calls).toEqual([]);
    expect(await h.deps.reminders.countAcknowledgements('C1', MESSAGE_TS)).toBe(0);
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(1);
  });
});

describe('reminders in the admin\'s Slack language', () => {
  it('lists them in German for a German admin: header, schedule, next run and buttons', async () => {
    await seed({ schedule: { kind: 'weekdays', time: '09:00' }, timezone: 'Europe/Berlin' });
    usersInfo({ is_admin: true, locale: 'de-DE' });
    const reply = only(await command('reminders'));
    expect(headerOf(reply)).toBe('Erinnerungen (1)');
    const text = visibleText(reply);
    expect(text).toContain('🟢 aktiv');
    expect(text).toContain('montags bis freitags um 09:00 (Europe/Berlin)');
    expect(text).toContain('Nächster Termin: Montag, 30. November 2026, 09:00 (morgen)');
    expect(buttonsOf(reply).map((b) => (b.text as Json).text)).toEqual(['Pausieren', 'Jetzt senden', 'Löschen']);
    expect(limitViolations(asMessage(reply))).toEqual([]);
  });

  it('confirms a new reminder in Spanish, the schedule and the next run in Spanish too', async () => {
    usersInfo({ is_admin: true, locale: 'es-ES', tz: 'Europe/Madrid' });
    const reply = only(await command('remind <#C0123ABCD|general> weekdays 9am <!here> lang:fr'));
    const [r] = await h.deps.reminders.list();
    expect(reply.text).toBe(
      `✅ Recordatorio *${r?.id}* programado para <#C0123ABCD>: de lunes a viernes a las 09:00 (Europe/Madrid), con @here solo en el primer mensaje, idioma: français.\n` +
        'Próximo envío: lunes, 30 de noviembre de 2026, 09:00 (mañana). Gestiónelo con `/linkedin-ai reminders`.',
    );
  });

  it('says what is wrong with a schedule in French, listing the forms as typed', async () => {
    usersInfo({ is_admin: true, locale: 'fr-FR' });
    const reply = only(await command('remind <#C0123ABCD|general> sometimes 9am'));
    const text = reply.text as string;
    expect(text).toContain('🗓️ Je ne comprends pas “sometimes”.');
    expect(text).toContain('*Planifications que je comprends :*');
    for (const form of ACCEPTED_FORMS) expect(text).toContain(form);
    expect(await h.deps.reminders.list()).toEqual([]);
  });

  it('says in Dutch that a one-off is already past', async () => {
    usersInfo({ is_admin: true, locale: 'nl-NL', tz: 'UTC' });
    const past = only(await command('remind <#C0123ABCD|general> once 2026-01-01 09:00'));
    expect(past.text).toBe('🗓️ Dat schema heeft geen moment meer over: de datum of de “until”-dag is al voorbij.');
  });

  it('says in Dutch how to name the channel', async () => {
    usersInfo({ is_admin: true, locale: 'nl-NL' });
    const plain = only(await command('remind #general weekdays 9am'));
    expect(plain.text).toMatch(/^Kies het kanaal uit de lijst van Slack terwijl u # typt, zodat ik de ID ervan krijg \(ik ontving “#general”\)\./);
  });

  it('refuses a person who is not an admin in their language (Italian)', async () => {
    usersInfo({ is_admin: false, locale: 'it-IT' });
    const reply = only(await command('reminders'));
    expect(reply.text).toMatch(/^🔒 Solo gli amministratori e i proprietari del workspace/);
  });

  it('answers the admin buttons in the admin\'s language (Portuguese), the list redrawn in it', async () => {
    const r = await seed();
    usersInfo({ is_admin: true, locale: 'pt-BR' });
    mockSlackApi('chat.postMessage', { ok: true, channel: 'C0123ABCD', ts: '1790000000.000100' });
    const reply = only(await click(REMINDER_ADMIN.send, r.id, USER_ID));
    expect(reply.text).toBe(`${r.id} enviado agora.`);
    expect(headerOf(reply)).toBe('Lembretes (1)');
    const gone = only(await click(REMINDER_ADMIN.pause, 'r0000000000', USER_ID));
    expect(gone.text).toBe('Esse lembrete não existe mais.');
  });
});
