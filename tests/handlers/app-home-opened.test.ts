import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/blocks/limits.js';
import { parseSchedule } from '../../src/reminders/schedule.js';
import {
  ADMIN_ID,
  type ApiCall,
  blocksOf,
  homeOpened,
  type Json,
  mockSlackApi,
  NOW,
  TEAM_ID,
  USER_ID,
  useHarness,
  visibleText,
} from '../support/slack-in-process.js';

// A fresh app and database for every test; any Web API request without a mock fails the test.
const h = useHarness();

const usersInfo = (id: string, isAdmin: boolean) =>
  mockSlackApi('users.info', { ok: true, user: { id, is_admin: isAdmin, is_owner: false, is_primary_owner: false } });

function publishedView(call: ApiCall | undefined): Json {
  const view = call?.view as Json | undefined;
  expect(view?.type).toBe('home');
  expect(limitViolations({ text: 'home', blocks: blocksOf(view) as never }, 'home')).toEqual([]);
  return view as Json;
}

const headers = (view: Json) =>
  blocksOf(view)
    .filter((b) => b.type === 'header')
    .map((b) => (b.text as Json).text);

describe('app_home_opened', () => {
  it('publishes the Home tab without the admin section for a non-admin', async () => {
    const info = usersInfo(USER_ID, false);
    const publish = mockSlackApi('views.publish', { ok: true, view: { id: 'V1' } });
    const { acks } = await h.deliver(homeOpened(USER_ID));
    expect(acks).toHaveLength(1);
    expect(info.calls).toEqual([expect.objectContaining({ user: USER_ID })]);
    expect(publish.calls).toHaveLength(1);
    expect(publish.calls[0]?.user_id).toBe(USER_ID);
    const view = publishedView(publish.calls[0]);
    expect(headers(view)).toContain('LinkedIn & AI training');
    expect(headers(view)).not.toContain('For admins');
    expect(visibleText(view)).not.toMatch(/opted out:\*/);
    expect(visibleText(view)).toMatch(/You haven't told me you opted out yet/);
  });

  it('shows a person who confirmed opting out that it is recorded', async () => {
    await h.store.confirmOptOut(TEAM_ID, USER_ID, NOW.minus({ days: 3 }));
    usersInfo(USER_ID, false);
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(USER_ID));
    const view = publishedView(publish.calls[0]);
    expect(visibleText(view)).toMatch(/You told me you opted out\* on 26 November 2026/);
  });

  it('shows a configured admin the opt-out count and the retention, without asking users.info', async () => {
    await h.store.confirmOptOut(TEAM_ID, 'U7', NOW);
    await h.store.confirmOptOut(TEAM_ID, 'U8', NOW);
    await h.store.confirmOptOut('T-OTHER', 'U9', NOW);
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(ADMIN_ID));
    // No users.info interceptor exists: the afterEach check would see the call.
    expect(publish.calls).toHaveLength(1);
    expect(publish.calls[0]?.user_id).toBe(ADMIN_ID);
    const view = publishedView(publish.calls[0]);
    expect(headers(view)).toContain('For admins');
    const text = visibleText(view);
    expect(text).toContain('*People who told me they opted out:* 2');
    expect(text).toMatch(/kept for 30 days/);
  });

  it('puts the person\'s own status and the setting first', async () => {
    usersInfo(USER_ID, false);
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(USER_ID));
    const blocks = blocksOf(publishedView(publish.calls[0]));
    expect(visibleText({ blocks: [blocks[1]] })).toMatch(/^\*You haven't told me you opted out yet\.\*/);
    expect(blocks[2]?.block_id).toBe('home:checklist');
  });

  it('shows admins their reminders (state, schedule, next run) and why people pressed 👎', async () => {
    await h.deps.reminders.create(
      { teamId: TEAM_ID, channelId: 'C0PRIVACY', createdBy: ADMIN_ID, schedule: parseSchedule('weekly monday 9am').schedule, timezone: 'Europe/Berlin', until: null, mentionHere: false },
      NOW,
    );
    await h.store.recordFeedbackReason({ teamId: TEAM_ID, userId: 'U5', topic: 'minors', region: null, reason: 'out-of-date' }, NOW);
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(ADMIN_ID));
    const text = visibleText(publishedView(publish.calls[0]));
    expect(text).toContain('• <#C0PRIVACY> · active · every Monday at 09:00 (Europe/Berlin) · next Monday 30 November 2026, 09:00 (in 1 day)');
    expect(text).toContain(`• ${h.kb.topic('minors').title}: 👍 0 · 👎 1 (out of date 1)`);
  });

  it('shows a workspace admin (users.info is_admin) the admin section', async () => {
    const info = usersInfo('U2', true);
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened('U2'));
    expect(info.calls).toHaveLength(1);
    expect(publish.calls[0]?.user_id).toBe('U2');
    const view = publishedView(publish.calls[0]);
    expect(headers(view)).toContain('For admins');
    expect(visibleText(view)).toContain('*People who told me they opted out:* 0');
  });

  it('lists unanswered questions to admins escaped, never as live mentions', async () => {
    await h.store.recordUnanswered(
      { teamId: TEAM_ID, userId: 'U5', question: '<!channel> pizza <@U999>?', kind: 'out-of-scope' },
      NOW.minus({ days: 1 }),
    );
    await h.store.recordUnanswered({ teamId: TEAM_ID, userId: 'U5', question: 'too old to show', kind: 'out-of-scope' }, NOW.minus({ days: 31 }));
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(ADMIN_ID));
    const view = publishedView(publish.calls[0]);
    const raw = JSON.stringify(view);
    expect(raw).not.toContain('<!channel');
    expect(raw).not.toContain('<@U999');
    expect(visibleText(view)).toContain('&lt;!channel&gt; pizza &lt;@U999&gt;?');
    expect(visibleText(view)).not.toContain('too old to show');
  });

  it('does nothing for the Messages tab', async () => {
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened(USER_ID, 'messages'));
    expect(publish.calls).toEqual([]);
  });

  it('logs a failing views.publish and does not throw out of processEvent', async () => {
    usersInfo(USER_ID, false);
    const publish = mockSlackApi('views.publish', { ok: false, error: 'invalid_arguments' });
    await expect(h.deliver(homeOpened(USER_ID))).resolves.toMatchObject({ acks: [undefined] });
    expect(publish.calls).toHaveLength(1);
    const errors = h.logs.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('invalid_arguments');
  });
});

describe('the Home tab in the person\'s Slack language', () => {
  const h = useHarness();

  it('is in German for someone whose Slack is in German, with the German name of the setting', async () => {
    mockSlackApi('users.info', { ok: true, user: { id: 'U4', is_admin: false, locale: 'de-DE' } });
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened('U4'));
    const text = visibleText(publishedView(publish.calls[0]));
    expect(text).toContain('Sie haben mir noch nicht gesagt');
    expect(text).toContain('Daten zur Verbesserung generativer KI');
    expect(limitViolations({ text: 'home', blocks: blocksOf(publishedView(publish.calls[0])) as never }, 'home')).toEqual([]);
  });

  it('shows a German workspace admin the admin section in German too: figures, reasons, questions and reminders', async () => {
    await h.deps.reminders.create(
      { teamId: TEAM_ID, channelId: 'C0PRIVACY', createdBy: 'U4', schedule: parseSchedule('weekly monday 9am').schedule, timezone: 'Europe/Berlin', until: null, mentionHere: false },
      NOW,
    );
    await h.store.recordFeedbackReason({ teamId: TEAM_ID, userId: 'U5', topic: 'minors', region: null, reason: 'out-of-date' }, NOW);
    await h.store.recordUnanswered({ teamId: TEAM_ID, userId: 'U5', question: 'Does Meta train on Instagram?', kind: 'out-of-scope' }, NOW.minus({ days: 1 }));
    mockSlackApi('users.info', { ok: true, user: { id: 'U4', is_admin: true, locale: 'de-DE' } });
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(homeOpened('U4'));
    const view = publishedView(publish.calls[0]);
    expect(headers(view)).toContain('Für Admins');
    const text = visibleText(view);
    expect(text).toContain('*Personen, die mir ihren Widerspruch gemeldet haben:* 0');
    expect(text).toContain(`• ${h.kb.localTopic('minors', 'de').topic.title}: 👍 0 · 👎 1 (veraltet 1)`);
    expect(text).toContain('(außerhalb des Themas, 28. November 2026 (gestern))');
    expect(text).toContain('• <#C0PRIVACY> · aktiv · jeden Montag um 09:00 (Europe/Berlin) · nächster Termin Montag, 30. November 2026, 09:00 (morgen)');
    expect(text).toContain('Unbeantwortete Fragen werden 30 Tage lang aufbewahrt');
    expect(text).not.toMatch(/For admins|Feedback per topic|kept for/);
  });
});
