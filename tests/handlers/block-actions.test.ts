import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { ACTIONS, decodeCardRequest, encodeButtonValue, encodeCardRequest } from '../../src/blocks/actions.js';
import { limitViolations } from '../../src/blocks/limits.js';
import {
  asMessage,
  blocksOf,
  buttonClick,
  buttonsOf,
  headerOf,
  type Json,
  mockResponseUrl,
  mockSlackApi,
  TEAM_ID,
  topicOf,
  USER_ID,
  useHarness,
  visibleText,
} from '../support/slack-in-process.js';

// A fresh app and database for every test; any Web API request without a mock fails the test.
const h = useHarness();

const EEA_OPT_OUT = encodeButtonValue({ topic: 'opt-out-how', region: 'eea', country: 'DE' });

describe('topic buttons (topic:<id>)', () => {
  it('in a DM, replaces the card with the topic answer for the region in the button value', async () => {
    const reply = mockResponseUrl();
    const { acks } = await h.deliver(buttonClick(`${ACTIONS.topic}opt-out-how`, { value: EEA_OPT_OUT, channel: 'D1' }));
    expect(acks).toHaveLength(1);
    expect(reply.scope.isDone()).toBe(true);
    expect(reply.posts).toHaveLength(1);
    const post = reply.posts[0] as Json;
    expect(post.replace_original).toBe(true);
    expect(topicOf(post)).toBe('opt-out-how');
    expect(visibleText(post)).toContain("In Germany, LinkedIn has used members' data to train its AI since 3 November 2025.");
    expect(limitViolations(asMessage(post))).toEqual([]);
    // A DM has nobody to share with.
    expect(buttonsOf(post).some((b) => b.action_id === ACTIONS.share)).toBe(false);
  });

  it('on a card the whole channel sees, answers the clicker privately and leaves the card alone', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(`${ACTIONS.topic}opt-out-how`, { value: EEA_OPT_OUT, channel: 'C1' }));
    expect(reply.posts).toHaveLength(1);
    const post = reply.posts[0] as Json;
    expect(post).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(topicOf(post)).toBe('opt-out-how');
    expect(buttonsOf(post).filter((b) => b.action_id === ACTIONS.share)).toHaveLength(1);
    expect(limitViolations(asMessage(post))).toEqual([]);
  });

  it('offers "Share in channel" in the card\'s menu when the card is ephemeral', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(`${ACTIONS.topic}opt-out-how`, { value: EEA_OPT_OUT, ephemeral: true }));
    expect(reply.posts).toHaveLength(1);
    const post = reply.posts[0] as Json;
    expect(post.replace_original).toBe(true);
    expect(topicOf(post)).toBe('opt-out-how');
    const share = buttonsOf(post).filter((b) => b.action_id === ACTIONS.share);
    expect(share).toHaveLength(1);
    expect(decodeCardRequest(share[0]?.value as string)).toEqual({ kind: 'topic', topic: 'opt-out-how', region: 'eea', country: 'DE' });
    expect(limitViolations(asMessage(post))).toEqual([]);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['an unknown topic', encodeButtonValue({ topic: 'no-such-topic' })],
    ['a forged region', JSON.stringify({ topic: 'opt-out-how', region: 'mars' })],
    ['an oversized value', JSON.stringify({ topic: 'x'.repeat(5000) })],
  ])('shows the help card for %s, without crashing', async (_name, value) => {
    const reply = mockResponseUrl();
    await expect(h.deliver(buttonClick(`${ACTIONS.topic}opt-out-how`, { value }))).resolves.toMatchObject({ acks: [undefined] });
    expect(reply.posts).toHaveLength(1);
    expect(reply.posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(reply.posts[0])).toBe('What I can answer');
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('shows the help card for a button without a value', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(`${ACTIONS.topic}opt-out-how`));
    expect(headerOf(reply.posts[0])).toBe('What I can answer');
  });

  it('on the Home tab, shows the answer on the tab itself, under the topic buttons', async () => {
    mockSlackApi('users.info', { ok: true, user: { id: USER_ID, is_admin: false, is_owner: false } });
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(buttonClick(`${ACTIONS.topic}data-used`, { value: encodeButtonValue({ topic: 'data-used', region: null, country: null }), container: 'view' }));
    expect(publish.calls).toHaveLength(1);
    expect(publish.calls[0]?.user_id).toBe(USER_ID);
    const view = publish.calls[0]?.view as Json;
    expect(topicOf(view)).toBe('data-used');
    const blocks = blocksOf(view);
    const buttonsAt = blocks.findIndex((b) => b.block_id === 'home:topics');
    expect(blocks.findIndex((b) => b.block_id === 'next:data-used')).toBeGreaterThan(buttonsAt);
    expect(visibleText(view)).toContain(`*${h.kb.topic('data-used').title}*`);
    expect(limitViolations({ text: 'home', blocks: blocks as never }, 'home')).toEqual([]);
  });
});

describe('feedback buttons', () => {
  it('👍 is counted for the topic and thanked ephemerally', async () => {
    const reply = mockResponseUrl();
    const value = encodeButtonValue({ topic: 'regions', region: 'ca', country: 'CA' });
    const { acks } = await h.deliver(buttonClick(ACTIONS.feedbackUp, { value, element: 'feedback_buttons' }));
    expect(acks).toHaveLength(1);
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([{ topic: 'regions', up: 1, down: 0, reasons: {} }]);
    expect(reply.posts).toHaveLength(1);
    expect(reply.posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.posts[0]?.text)).toMatch(/Thanks/);
  });

  it('👎 is counted as a down vote and asks what was wrong; the reason picked is kept with it', async () => {
    const reply = mockResponseUrl();
    const value = encodeButtonValue({ topic: 'opt-out-how' });
    await h.deliver(buttonClick(ACTIONS.feedbackDown, { value, element: 'feedback_buttons' }));
    await h.deliver(buttonClick(ACTIONS.feedbackUp, { value, element: 'feedback_buttons' }));
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([{ topic: 'opt-out-how', up: 1, down: 1, reasons: {} }]);
    expect(reply.posts).toHaveLength(2);
    const menu = blocksOf(reply.posts[0]).find((b) => (b.accessory as Json | undefined)?.action_id === ACTIONS.feedbackReason)?.accessory as Json;
    const options = menu.options as Json[];
    expect(options.map((o) => (o.text as Json).text)).toEqual(['It is wrong', 'It is out of date', 'It is unclear', "It isn't what I asked"]);
    await h.deliver(buttonClick(ACTIONS.feedbackReason, { value: options[1]?.value as string, element: 'static_select' }));
    // The reason joins the 👎 it follows: still one down vote.
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([{ topic: 'opt-out-how', up: 1, down: 1, reasons: { 'out-of-date': 1 } }]);
    expect(reply.posts[2]).toMatchObject({ replace_original: true });
  });

  it('"Report a problem" in the menu asks what was wrong, and the pick counts as a 👎 with its reason', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.report, { value: encodeButtonValue({ topic: 'minors', region: 'uk' }), element: 'overflow' }));
    const menu = blocksOf(reply.posts[0]).find((b) => b.accessory)?.accessory as Json;
    await h.deliver(buttonClick(ACTIONS.feedbackReason, { value: (menu.options as Json[])[0]?.value as string, element: 'static_select' }));
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([{ topic: 'minors', up: 0, down: 1, reasons: { wrong: 1 } }]);
  });

  it('a forged reason records nothing', async () => {
    mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.feedbackReason, { value: 'lies {"t":"minors"}', element: 'static_select' }));
    await h.deliver(buttonClick(ACTIONS.feedbackReason, { value: 'wrong {"t":"no-such-topic"}', element: 'static_select' }));
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([]);
  });

  it('a forged value records nothing and posts nothing', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.feedbackUp, { value: encodeButtonValue({ topic: 'no-such-topic' }) }));
    await h.deliver(buttonClick(ACTIONS.feedbackUp, { value: '{"t":' }));
    expect(await h.store.feedbackByTopic(TEAM_ID)).toEqual([]);
    expect(reply.posts).toEqual([]);
  });
});

describe('"✅ I\'ve opted out"', () => {
  it('counts a person once and says so the second time', async () => {
    const reply = mockResponseUrl();
    const first = await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm' }));
    const second = await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm' }));
    expect(first.acks).toHaveLength(1);
    expect(second.acks).toHaveLength(1);
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(1);
    expect(reply.posts).toHaveLength(2);
    expect(reply.posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.posts[0]?.text)).not.toMatch(/already/i);
    expect(String(reply.posts[1]?.text)).toMatch(/already/i);
  });

  it('thanks the person in the language of the card they pressed it on', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm:fr' }));
    expect(String(reply.posts[0]?.text)).toBe('✅ C’est noté : vous avez refusé. Merci !'.replace('’', "'"));
    await h.deliver(buttonClick(ACTIONS.feedbackUp, { value: encodeButtonValue({ topic: 'minors', language: 'de' }), element: 'feedback_buttons' }));
    expect(String(reply.posts[1]?.text)).toBe('Danke! Schön, dass es geholfen hat.');
  });

  it('counts different people separately', async () => {
    mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm' }));
    await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm', user: 'U2' }));
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(2);
  });

  it('on the Home tab, republishes the Home tab instead of replying', async () => {
    mockSlackApi('users.info', { ok: true, user: { id: USER_ID, is_admin: false, is_owner: false } });
    const publish = mockSlackApi('views.publish', { ok: true });
    await h.deliver(buttonClick(ACTIONS.confirmOptOut, { value: 'confirm', container: 'view' }));
    expect(await h.store.countOptOuts(TEAM_ID)).toBe(1);
    expect(publish.calls).toHaveLength(1);
    expect(publish.calls[0]?.user_id).toBe(USER_ID);
    expect(visibleText(publish.calls[0]?.view)).toMatch(/You told me you opted out/);
  });
});

describe('"Share in channel"', () => {
  it('posts the card for everyone, marked as shared by the clicker, then deletes the ephemeral one', async () => {
    const reply = mockResponseUrl();
    const { acks } = await h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'topic', topic: 'minors' }), ephemeral: true }));
    expect(acks).toHaveLength(1);
    expect(reply.posts).toHaveLength(2);
    const [shared, deletion] = reply.posts as [Json, Json];
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    const first = blocksOf(shared)[0];
    expect(first?.type).toBe('context');
    expect(visibleText({ blocks: [first] })).toContain(`Shared by <@${USER_ID}>`);
    expect(topicOf(shared)).toBe('minors');
    expect(buttonsOf(shared).some((b) => b.action_id === ACTIONS.share)).toBe(false);
    expect(limitViolations(asMessage(shared))).toEqual([]);
    expect(deletion).toEqual({ delete_original: true });
  });

  it('re-escapes a shared question so the channel never gets a live mention', async () => {
    const reply = mockResponseUrl();
    await h.deliver(
      buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'question', question: '<!channel> pizza recipe <@U999>?' }), ephemeral: true }),
    );
    expect(reply.posts).toHaveLength(2);
    const raw = JSON.stringify(reply.posts[0]);
    expect(raw).not.toContain('<!channel');
    expect(raw).not.toContain('<@U999');
  });

  it('apologises ephemerally for a value it did not make', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.share, { value: '{"k":"topic"}', ephemeral: true }));
    expect(reply.posts).toHaveLength(1);
    expect(reply.posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.posts[0]?.text)).toMatch(/couldn't share/);
  });

  it('apologises when Slack refuses the in-channel post', async () => {
    const posts: Json[] = [];
    const { origin, pathname } = new URL('https://hooks.slack.com/actions/T1/1/abc');
    const scope = nock(origin).post(pathname).reply(404, 'channel_not_found').post(pathname).reply(200, 'ok');
    scope.on('request', (_r: Request, _i: unknown, body: string) => posts.push(JSON.parse(body) as Json));
    await expect(h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'help' }), ephemeral: true }))).resolves.toBeDefined();
    expect(scope.isDone()).toBe(true);
    expect(posts).toHaveLength(2);
    expect(posts[0]?.response_type).toBe('in_channel');
    expect(posts[1]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(posts[1]?.text)).toMatch(/couldn't post in this channel/);
  });

  it('shares a German card in German, saying in German who shared it', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'topic', topic: 'minors', language: 'de' }), ephemeral: true }));
    const shared = reply.posts[0] as Json;
    expect(visibleText({ blocks: [blocksOf(shared)[0]] })).toBe(`Geteilt von <@${USER_ID}>`);
    expect(buttonsOf(shared).map((b) => (b.text as Json | undefined)?.text)).toContain(h.kb.say('de')('button.setting'));
  });

  it('shares a region card and the help card in the language they were in', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'region', region: 'ch', place: 'Zürich', country: 'CH', language: 'fr' }), ephemeral: true }));
    await h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'help', language: 'it' }), ephemeral: true }));
    const [region, , help] = reply.posts as Json[];
    expect(visibleText({ blocks: [blocksOf(region ?? {})[0]] })).toBe(`Partagé par <@${USER_ID}>`);
    expect(visibleText(region ?? {})).toContain('Zürich (Suisse)');
    expect(headerOf(help ?? {})).toBe(h.kb.say('it')('help.header'));
  });

  it.each([
    ['fr', 'Désolé, je n\'ai pas pu publier dans ce canal. S\'il est privé, invitez-moi d\'abord.'],
    ['pt', 'Desculpe, não consegui publicar neste canal. Se ele for privado, me convide primeiro.'],
  ] as const)('apologises in the card\'s language (%s) when Slack refuses the in-channel post', async (language, apology) => {
    const posts: Json[] = [];
    const { origin, pathname } = new URL('https://hooks.slack.com/actions/T1/1/abc');
    const scope = nock(origin).post(pathname).reply(404, 'channel_not_found').post(pathname).reply(200, 'ok');
    scope.on('request', (_r: Request, _i: unknown, body: string) => posts.push(JSON.parse(body) as Json));
    await h.deliver(buttonClick(ACTIONS.share, { value: encodeCardRequest({ kind: 'overview', language }), ephemeral: true }));
    expect(posts[1]?.text).toBe(apology);
  });

  it('apologises for a value it did not make in the clicker\'s Slack language, when already known', async () => {
    vi.spyOn(h.deps.admins, 'knownLocale').mockReturnValue('es-ES');
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.share, { value: '{"k":"topic"}', ephemeral: true }));
    expect(reply.posts[0]?.text).toBe(h.kb.say('es')('sorry.share'));
    expect(reply.posts[0]?.text).toMatch(/^Lo siento/);
  });
});

describe('"Open LinkedIn setting"', () => {
  it('is acknowledged and calls nothing', async () => {
    const { acks } = await h.deliver(buttonClick(ACTIONS.openSetting));
    expect(acks).toEqual([undefined]);
    expect(h.logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe('the Details button', () => {
  it('opens the full answer for the topic and place in a modal, with the click\'s trigger_id', async () => {
    const open = mockSlackApi('views.open', { ok: true });
    const click = buttonClick(ACTIONS.details, { value: encodeCardRequest({ kind: 'topic', topic: 'data-used', region: 'uk', country: 'GB' }) });
    const { acks } = await h.deliver(click);
    expect(acks).toHaveLength(1);
    expect(open.calls).toHaveLength(1);
    expect(open.calls[0]?.trigger_id).toBe(click.trigger_id);
    const view = open.calls[0]?.view as Json;
    expect(view.type).toBe('modal');
    expect(visibleText(view)).toContain('Not confirmed');
    expect(visibleText(view)).toContain('In the UK:');
    expect(limitViolations({ text: 'details', blocks: blocksOf(view) as never }, 'modal')).toEqual([]);
  });

  it('says so, instead of failing, when the button carries something that is not ours', async () => {
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.details, { value: '{"k":"nope"}' }));
    expect(reply.posts).toHaveLength(1);
    expect(reply.posts[0]?.text).toMatch(/couldn't find the details/);
  });

  it('apologises in the card\'s language when the modal will not open', async () => {
    mockSlackApi('views.open', { ok: false, error: 'expired_trigger_id' });
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.details, { value: encodeCardRequest({ kind: 'topic', topic: 'data-used', language: 'nl' }) }));
    expect(reply.posts).toHaveLength(1);
    expect(reply.posts[0]?.text).toBe('Sorry, ik kon de details nu niet openen. Probeer het nog eens.');
  });

  it('says in the clicker\'s Slack language, when already known, that it has no details for a value not ours', async () => {
    vi.spyOn(h.deps.admins, 'knownLocale').mockReturnValue('it-IT');
    const reply = mockResponseUrl();
    await h.deliver(buttonClick(ACTIONS.details, { value: '{"k":"nope"}' }));
    expect(reply.posts[0]?.text).toBe('Mi dispiace, non ho trovato i dettagli di questa risposta. Faccia di nuovo la domanda.');
  });
});
