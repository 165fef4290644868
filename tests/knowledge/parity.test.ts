import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { loadKnowledgeData } from '../../src/knowledge/load.js';
import { checkParity } from '../../src/knowledge/parity.js';

const data = loadKnowledgeData();
const reports = checkParity(data);

describe('every topic, region and sentence in every language says what English says', () => {
  const cases = LANGUAGES.filter((l) => l !== 'en').flatMap((language) =>
    [...data.topics.map((t) => `topics.${t.id}.`), ...data.regions.map((r) => `regions.${r.id}.`), 'messages.'].map((prefix) => [language, prefix] as const),
  );

  it.each(cases)('%s %s', (language, prefix) => {
    const report = reports.find((r) => r.language === language);
    expect(report?.problems.filter((p) => p.startsWith(prefix))).toEqual([]);
    expect(report?.missing.filter((m) => m.startsWith(prefix))).toEqual([]);
  });
});

describe('checkParity', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reports a translation whose link, number or list drifted from English, and what is not translated', () => {
    dir = mkdtempSync(join(tmpdir(), 'parity-'));
    mkdirSync(join(dir, 'translations'));
    writeFileSync(
      join(dir, 'translations', 'de.yml'),
      [
        'language: de',
        'topics:',
        '  opt-out-how:',
        '    answer: "Gehen Sie zu https://example.com und schalten Sie es aus."',
        '  minors:',
        '    unconfirmed: ["nur einer"]',
        '  timeline:',
        '    summary: "Die Änderung galt ab dem 4. Nov 2026."',
        'messages:',
        '  sources.more: "{anzahl} weitere unter Details"',
        'sourceNames:',
        '  "LinkedIn Help: no such page": "LinkedIn-Hilfe: keine solche Seite"',
      ].join('\n'),
    );
    const report = checkParity(loadKnowledgeData({ orgDir: dir })).find((r) => r.language === 'de');
    expect(report?.problems).toEqual(
      expect.arrayContaining([
        'topics.opt-out-how.answer: the links differ from English',
        'topics.minors.unconfirmed: 1 items where English has 3',
        'topics.timeline.summary: the numbers differ from English',
        'messages.sources.more: its {placeholders} differ from English',
        'sourceNames."LinkedIn Help: no such page": no source has this short name',
      ]),
    );
  });

  it('lists the texts a language lacks', () => {
    const withoutGerman = { ...data, translations: { ...data.translations, de: undefined } } as unknown as typeof data;
    const german = checkParity(withoutGerman).find((r) => r.language === 'de');
    expect(german?.missing).toContain('topics.opt-out-how.answer');
    expect(german?.missing).toContain('messages.button.details');
    expect(german?.missing).toContain('sourceNames."LinkedIn Help: the update"');
  });
});
