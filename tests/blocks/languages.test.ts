import { describe, expect, it } from 'vitest';
import { buildErrorCard } from '../../src/blocks/error-card.js';
import { buildHelpCard } from '../../src/blocks/help-card.js';
import { buildHomeView, type HomeInput } from '../../src/blocks/home-view.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { buildRemindersCard, REMINDER_ADMIN, type ReminderListItem } from '../../src/blocks/reminders-card.js';
import { buildUnknownPlaceCard } from '../../src/blocks/unknown-place-card.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { say as english, sayIn } from '../support/say.js';

// The cards the app builds around an answer, in each language: each says what that language's sentence says.
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
const texts = (message: Pick<SlackMessage, 'blocks'>) => JSON.stringify(message.blocks);

describe('the unknown-place card', () => {
  const help = (language: (typeof LANGUAGES)[number]) => buildHelpCard({ examples: ['How do I opt out?'], topics: [], organisation: null, say: sayIn(language) });

  it.each(OTHERS)('%s: says it in the language, with the command, the place escaped and the help card under it', (language) => {
    const say = sayIn(language);
    const card = buildUnknownPlaceCard({ place: 'Atlantis <!channel>', command: '/linkedin-ai', help: help(language), say });
    const lead = say('unknownPlace.lead', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' });
    expect(lead).not.toBe(english('unknownPlace.lead', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' }));
    expect(card.blocks[0]).toMatchObject({ type: 'section', text: { text: lead } });
    expect(lead).toContain('`/linkedin-ai region Toronto`');
    expect(lead).toContain('🗺️');
    expect(card.text).toBe(say('unknownPlace.text', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' }));
    expect(texts(card)).not.toContain('<!channel>');
    expect(texts(card)).toContain(say('help.header'));
    expect(limitViolations(card)).toEqual([]);
  });

  it('in German reads as German', () => {
    const card = buildUnknownPlaceCard({ place: 'Atlantis', command: '/linkedin-ai', help: help('de'), say: sayIn('de') });
    expect(card.text).toContain('Einen Ort namens “Atlantis” kenne ich nicht');
  });
});

describe('the error card', () => {
  it.each(OTHERS)('%s: apologises in the language, with the pointer to help', (language) => {
    const say = sayIn(language);
    const card = buildErrorCard(say);
    expect(card.text).toBe(say('error.text'));
    expect(card.text).not.toBe(english('error.text'));
    expect(card.text.startsWith('😕 ')).toBe(true);
    expect(texts(card)).toContain(say('oos.help').replace(/"/g, '\\"'));
    expect(texts(card)).toContain('`/linkedin-ai help`');
    expect(limitViolations(card)).toEqual([]);
  });

  it('in French reads as French', () => {
    expect(buildErrorCard(sayIn('fr')).text).toMatch(/^😕 Désolé/);
  });
});

describe('the admins\' list of reminders', () => {
  const item = (overrides: Partial<ReminderListItem> = {}): ReminderListItem => ({
    id: 'r0123456789',
    channelId: 'C0123ABCD',
    status: 'active',
    schedule: 'jeden Montag um 09:00 (Europe/Berlin)',
    next: 'Montag, 7. Dezember 2026, 09:00 (in 4 Tagen)',
    lastError: null,
    acknowledged: 2,
    mentionHere: true,
    firstPostPending: true,
    ...overrides,
  });
  type Json = Record<string, unknown>;
  const elements = (card: SlackMessage) => (card.blocks as unknown as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
  const label = (e: Json | undefined) => (e?.text as Json | undefined)?.text;
  const confirmOf = (e: Json | undefined) => e?.confirm as Record<string, Json> | undefined;

  it.each(OTHERS)('%s: header, states, buttons and both confirmations in the language, within Slack\'s limits', (language) => {
    const say = sayIn(language);
    const items = [item(), item({ id: 'r1', status: 'paused', mentionHere: false, firstPostPending: false, acknowledged: null }), item({ id: 'r2', status: 'failed', lastError: 'channel_not_found' })];
    const card = buildRemindersCard(items, say);
    expect(card.text).toBe(say('reminders.text', { count: 3 }));
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: say('reminders.header', { count: 3 }) } });
    expect(say('reminders.header', { count: 3 })).not.toBe(english('reminders.header', { count: 3 }));
    const text = texts(card);
    for (const status of ['active', 'paused', 'failed'] as const) expect(text).toContain(say(`reminders.status.${status}`));
    expect(text).toContain(say('reminders.hereFirst'));
    expect(text).toContain(say('reminders.next', { next: 'Montag, 7. Dezember 2026, 09:00 (in 4 Tagen)' }));
    expect(text).toContain(say('reminders.acknowledged', { count: 2 }));
    expect(text).toContain('channel_not_found');
    const first = elements(card).filter((e) => e.value === 'r0123456789');
    expect(first.map(label)).toEqual([say('reminders.pause'), say('reminders.send'), say('reminders.delete')]);
    expect(label(elements(card).find((e) => e.value === 'r1'))).toBe(say('reminders.resume'));
    const send = confirmOf(first.find((e) => e.action_id === REMINDER_ADMIN.send));
    expect(send?.title?.text).toBe(say('reminders.send.title'));
    expect(send?.text?.text).toBe(`${say('reminders.send.text', { id: 'r0123456789', channel: '<#C0123ABCD>' })} ${say('reminders.send.here')}`);
    expect(send?.deny?.text).toBe(say('reminders.cancel'));
    const replaces = confirmOf(elements(card).find((e) => e.value === 'r1' && e.action_id === REMINDER_ADMIN.send));
    expect(replaces?.text?.text).toContain(say('reminders.send.replaces'));
    const remove = confirmOf(first.find((e) => e.action_id === REMINDER_ADMIN.delete));
    expect(remove).toMatchObject({ title: { text: say('reminders.delete.title') }, confirm: { text: say('reminders.delete') }, deny: { text: say('reminders.keep') } });
    expect(limitViolations(card)).toEqual([]);
    for (const e of elements(card)) {
      const c = confirmOf(e);
      if (!c) continue;
      expect(String(c.title?.text).length).toBeLessThanOrEqual(100);
      expect(String(c.text?.text).length).toBeLessThanOrEqual(300);
      expect(String(c.confirm?.text).length).toBeLessThanOrEqual(30);
      expect(String(c.deny?.text).length).toBeLessThanOrEqual(30);
    }
  });

  it.each(OTHERS)('%s: says there are none yet, and how many more the server lists', (language) => {
    const say = sayIn(language);
    expect(texts(buildRemindersCard([], say))).toContain(say('reminders.none').replace(/"/g, '\\"'));
    const many = Array.from({ length: 30 }, (_, i) => item({ id: `r${i}` }));
    const card = buildRemindersCard(many, say, 'Sent r1 now.');
    expect(texts(card)).toContain('npm run reminders -- list');
    expect(limitViolations(card)).toEqual([]);
  });

  it('in German reads as German', () => {
    const card = buildRemindersCard([item()], sayIn('de'));
    expect(card.blocks[0]).toMatchObject({ text: { text: 'Erinnerungen (1)' } });
    expect(texts(card)).toContain('*r0123456789* in <#C0123ABCD> · 🟢 aktiv · @here nur beim ersten Beitrag');
    expect(texts(card)).toContain('✅ 2 Bestätigungen auf der neuesten Nachricht');
  });
});

describe('the Home tab\'s admin section', () => {
  const input = (language: (typeof LANGUAGES)[number]): HomeInput => ({
    overviewSummary: 'Overview.',
    optOutSteps: ['Open the setting.', 'Switch it off.'],
    optOutLimits: 'Opting out stops future training only.',
    settingUrl: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
    regions: [],
    topics: [],
    organisation: null,
    confirmedAt: null,
    language,
    say: sayIn(language),
    shown: null,
    admin: {
      optOutCount: 12,
      feedback: [{ title: 'Topic <b>', up: 3, down: 2, reasons: { 'out-of-date': 1, 'not-asked': 1, bogus: 4 } }],
      reminders: [
        { id: 'r1', channelId: 'C0PRIVACY', status: 'active', schedule: 'S', next: 'N', lastError: null, acknowledged: 5, mentionHere: false, firstPostPending: false },
        { id: 'r2', channelId: 'nope', status: 'paused', schedule: 'S2', next: null, lastError: 'not_in_channel', acknowledged: null, mentionHere: false, firstPostPending: true },
      ],
      unanswered: [
        { question: '<!channel> pizza?', kind: 'out-of-scope', when: 'W1' },
        { question: 'data stuff?', kind: 'did-you-mean', when: 'W2' },
      ],
      retentionDays: 30,
    },
  });
  const headers = (view: { blocks: unknown[] }) => (view.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'header').map((b) => b.text?.text);

  it.each(OTHERS)('%s: every line in the language, user text escaped, within the Home tab\'s limits', (language) => {
    const say = sayIn(language);
    const view = buildHomeView(input(language));
    expect(headers(view)).toContain(say('home.admin.header'));
    expect(say('home.admin.header')).not.toBe(english('home.admin.header'));
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(say('home.admin.optOuts', { count: 12 }).replace(/"/g, '\\"'));
    expect(text).toContain(`(${say('home.admin.reason.out-of-date')} 1, ${say('home.admin.reason.not-asked')} 1)`);
    expect(text).not.toContain('bogus');
    expect(text).toContain(`(${say('home.admin.outOfScope')}, W1)`);
    expect(text).toContain(`(${say('home.admin.unsure')}, W2)`);
    expect(text).toContain(`• <#C0PRIVACY> · ${say('reminders.status.active')} · S · ${say('home.admin.next', { next: 'N' })} · ${say('home.admin.confirmed', { count: 5 })}`);
    expect(text).toContain(`• ${say('home.admin.someChannel')} · ${say('reminders.status.paused')} · S2 · ⚠️ not_in_channel`);
    expect(text).toContain(say('home.admin.manage'));
    expect(text).toContain(say('home.admin.retention', { days: 30 }));
    expect(text).toContain('30');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('Topic <b>');
    expect(limitViolations({ text: 'home', blocks: view.blocks as SlackMessage['blocks'] }, 'home')).toEqual([]);
  });

  it('says nothing yet in the language when there is nothing to show', () => {
    const empty = input('it');
    const view = buildHomeView({ ...empty, admin: { ...(empty.admin as NonNullable<HomeInput['admin']>), feedback: [], reminders: [], unanswered: [] } });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('_Ancora nessun feedback._');
    expect(text).toContain('_Nessuna di recente._');
    expect(text).toContain('_Ancora nessuno._');
  });

  it('in English says what it said before', () => {
    const text = JSON.stringify(buildHomeView(input('en')).blocks);
    expect(headers(buildHomeView(input('en')))).toContain('For admins');
    expect(text).toContain('*People who told me they opted out:* 12');
    expect(text).toContain('(out of date 1, not what was asked 1)');
    expect(text).toContain('• <#C0PRIVACY> · active · S · next N · 5 confirmed on the latest post');
    expect(text).toContain('Unanswered questions are kept for 30 days, then deleted automatically. Only admins see this section.');
  });
});
