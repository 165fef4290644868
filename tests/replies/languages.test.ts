import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS, decodeButtonValue } from '../../src/blocks/actions.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { detailsFor, replyTo, topicCard } from '../../src/replies/reply.js';
import { allEvalQuestions } from '../support/eval-questions.js';

const kb = loadKnowledgeBase();
const now = DateTime.fromISO('2026-12-03', { zone: 'utc' });

const texts = (message: Pick<SlackMessage, 'blocks'>) => JSON.stringify(message.blocks);
const buttons = (message: SlackMessage) =>
  message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).flatMap((e) => (e.type === 'button' ? [e.text.text] : []));

// One question a language, and words its card must show (from the translations and the language's sentences).
const SAMPLES = [
  { language: 'de', q: 'Wie kann ich widersprechen? Ich sitze in Wien.', says: ['Daten zur Verbesserung generativer KI', 'Wien (Österreich)', '3. November 2025'], button: 'LinkedIn-Einstellung öffnen' },
  { language: 'fr', q: "Est-ce que ça s'applique à nos collègues de Genève ?", says: ['Genève (Suisse)', '3 novembre 2025'], button: 'Ouvrir le paramètre LinkedIn' },
  { language: 'es', q: '¿Cómo desactivo el uso de mis datos para la IA?', says: ['Datos para mejorar la IA generativa'], button: 'Detalles' },
  { language: 'it', q: 'I miei messaggi privati vengono usati per addestrare la IA?', says: ['messaggi privati'], button: 'Dettagli' },
  { language: 'nl', q: 'Hoe schakel ik het gebruik van mijn gegevens voor AI uit?', says: ['Gegevens voor verbetering van generatieve AI'], button: 'LinkedIn-instelling openen' },
  { language: 'pt', q: 'Isso vale para quem mora no Porto?', says: ['Porto (Portugal)', '3 de novembro de 2025'], button: 'Abrir configuração do LinkedIn' },
] as const;

describe('an answer in the asker\'s language', () => {
  it.each(SAMPLES)('$language: the card, its buttons and its Details', ({ language, q, says, button }) => {
    const reply = replyTo(kb, q, now);
    expect(reply.language).toBe(language);
    expect(reply.result.kind).toBe('answer');
    for (const s of says) expect(texts(reply.message)).toContain(s);
    expect(buttons(reply.message)).toContain(button);
    expect(reply.message.text).not.toMatch(/\b(below|above)\b/);
    expect(limitViolations(reply.message)).toEqual([]);
    const details = detailsFor(kb, { kind: 'question', question: q, language }, now);
    expect(details?.title.text).toBe(kb.say(language)('details.title'));
    expect(texts({ blocks: details?.blocks ?? [] })).toContain(says[0]);
    // Buttons carry the language, so the next answer is in it too.
    const related = JSON.stringify(reply.message.blocks).match(/"value":"topic:[a-z-]+ (\{[^"]*(?:\\"[^"]*)*\})"/);
    if (related?.[1]) expect(decodeButtonValue(JSON.parse(`"${related[1]}"`))?.language).toBe(language);
  });

  it('answers out-of-scope and unsure questions in the language too', () => {
    const oos = replyTo(kb, "Est-ce que Meta utilise mes photos Instagram pour entraîner son IA ?", now);
    expect(oos.language).toBe('fr');
    expect(oos.result.kind).toBe('out-of-scope');
    expect(oos.message.text).toMatch(/LinkedIn/);
    expect(texts(oos.message)).toContain('Meta');
    expect(oos.message.text).not.toMatch(/I can't answer/);
  });

  it('takes the person\'s language for a question too short to tell, and English without one', () => {
    expect(replyTo(kb, 'dms?', now, { fallback: 'de' }).language).toBe('de');
    expect(replyTo(kb, 'dms?', now).language).toBe('en');
    // A clear question keeps its own language whatever the person's Slack language is.
    expect(replyTo(kb, 'Does this apply to our Toronto office?', now, { fallback: 'de' }).language).toBe('en');
  });

  it('answers in the language asked for (ask --lang)', () => {
    const reply = replyTo(kb, 'how do I opt out?', now, { language: 'nl' });
    expect(reply.language).toBe('nl');
    expect(texts(reply.message)).toContain('Gegevens voor verbetering van generatieve AI');
  });

  it("names the card's sources in its language, linking the same documents", () => {
    const german = JSON.stringify(replyTo(kb, 'Wie schalte ich das KI-Training bei LinkedIn ab?', now).message);
    const english = JSON.stringify(replyTo(kb, 'How do I switch off LinkedIn AI training?', now).message);
    expect(german).toContain('LinkedIn-Hilfe: die KI-Einstellung');
    expect(german).not.toContain('LinkedIn Help: the AI data setting');
    expect(english).toContain('LinkedIn Help: the AI data setting');
    const links = (json: string) => [...json.matchAll(/<(https:[^|>]+)\|/g)].map((m) => m[1]).sort();
    expect(links(german)).toEqual(links(english));
  });

  it('keeps the language on a topic picked from a button', () => {
    const card = topicCard(kb, 'opt-out-effect', { region: null, country: null }, now, 'it');
    expect(buttons(card)).toContain('Dettagli');
    const details = card.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.action_id === ACTIONS.details);
    expect(JSON.stringify(details)).toContain('\\"l\\":\\"it\\"');
  });
});

describe('a topic an organisation added without a translation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'org-lang-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'topics'));
  writeFileSync(
    join(dir, 'topics', 'company-laptops.yml'),
    [
      'id: company-laptops',
      'title: LinkedIn on company laptops',
      'summary: Our IT team does not block LinkedIn; the AI setting is each person\'s own.',
      'answer: Our IT team does not block LinkedIn on company laptops. The AI-data setting is in each person\'s own LinkedIn account.',
      'phrasings: [can I use linkedin on my company laptop, is linkedin blocked on work laptops, linkedin on the work computer]',
      'sources: [{ title: Acme IT policy, url: "https://intranet.example.com/it" }]',
      'lastChecked: 2026-11-30',
    ].join('\n'),
  );
  const org = loadKnowledgeBase(dir);

  it('is shown in English, with a one-line notice in the asker\'s language', () => {
    const card = topicCard(org, 'company-laptops', { region: null, country: null }, now, 'de');
    expect(texts(card)).toContain('Our IT team does not block LinkedIn');
    expect(texts(card)).toContain('Diese Antwort');
    expect(buttons(card)).toContain('Details');
  });
});

describe('the questions of our eval files written in other languages', () => {
  const questions = allEvalQuestions()
    .filter((q) => typeof (q as { lang?: unknown }).lang === 'string' && (q as { lang: string }).lang !== 'en');

  it('are answered in their own language (the language field and the card)', () => {
    expect(questions.length).toBeGreaterThan(100);
    const wrong = questions.filter((q) => replyTo(kb, q.q, now).language !== (q as { lang: string }).lang).map((q) => q.q);
    // A few are too short to tell ("Frist?"), or Spanish, Italian or Portuguese alike ("San Marino incluso?"): they take the person's Slack language.
    expect(wrong.length / questions.length, wrong.join('\n')).toBeLessThan(0.01);
  });
});
