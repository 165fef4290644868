import { LANGUAGES, type Language } from './languages.js';
import type { KnowledgeData } from './load.js';

/** What one language lacks, and where it says something other than English does (links, dates, numbers, lists). */
export interface ParityReport {
  language: Exclude<Language, 'en'>;
  /** Texts not translated yet ("topics.minors.answer", "messages.help.intro"): English is shown instead. */
  missing: string[];
  /** Translated texts that do not match English: each one a fact that may have drifted. */
  problems: string[];
}

const URL = /https?:\/\/[^\s)\]>"]+/g;
const DATE = /\{\{date:[0-9-]+\}\}/g;
const NUMBER = /\d+/g;
/** ICU arguments: "{where}", "{count, plural, …}". */
const ARGUMENT = /\{\s*([a-zA-Z]+)\s*[,}]/g;

const sorted = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? m[0]).sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every language checked against English, text by text. */
export function checkParity(data: KnowledgeData): ParityReport[] {
  return LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en').map((language) => {
    const report: ParityReport = { language, missing: [], problems: [] };
    const t = data.translations[language];
    const text = (where: string, english: string, local: string | undefined): void => {
      if (local === undefined) {
        report.missing.push(where);
        return;
      }
      for (const [what, pattern] of [['links', URL], ['date placeholders', DATE], ['numbers', NUMBER]] as const) {
        if (!same(sorted(english, pattern), sorted(local, pattern))) report.problems.push(`${where}: the ${what} differ from English`);
      }
    };
    const list = (where: string, english: string[], local: string[] | undefined): void => {
      if (local === undefined) {
        if (english.length) report.missing.push(where);
      } else if (local.length !== english.length) {
        report.problems.push(`${where}: ${local.length} items where English has ${english.length}`);
      } else {
        for (const [i, e] of english.entries()) text(`${where}[${i}]`, e, local[i]);
      }
    };
    for (const topic of data.topics) {
      const local = t?.topics[topic.id];
      const at = `topics.${topic.id}`;
      text(`${at}.title`, topic.title, local?.title);
      text(`${at}.summary`, topic.summary, local?.summary);
      text(`${at}.answer`, topic.answer, local?.answer);
      list(`${at}.unconfirmed`, topic.unconfirmed, local?.unconfirmed);
      if (topic.steps) list(`${at}.steps`, topic.steps, local?.steps);
      for (const [region, note] of Object.entries(topic.regionNotes)) text(`${at}.regionNotes.${region}`, note, local?.regionNotes?.[region as never]);
    }
    for (const region of data.regions) {
      const local = t?.regions[region.id];
      const at = `regions.${region.id}`;
      text(`${at}.name`, region.name, local?.name);
      text(`${at}.change`, region.change, local?.change);
      list(`${at}.notes`, region.notes, local?.notes);
    }
    for (const [key, english] of Object.entries(data.messages)) {
      const local = t?.messages[key];
      if (local === undefined) report.missing.push(`messages.${key}`);
      else if (!same(sorted(english, ARGUMENT), sorted(local, ARGUMENT))) report.problems.push(`messages.${key}: its {placeholders} differ from English`);
    }
    const shortNames = new Set([...data.topics, ...data.regions].flatMap((x) => x.sources.flatMap((source) => (source.short ? [source.short] : []))));
    for (const name of shortNames) if (!Object.hasOwn(t?.sourceNames ?? {}, name)) report.missing.push(`sourceNames."${name}"`);
    for (const name of Object.keys(t?.sourceNames ?? {})) if (!shortNames.has(name)) report.problems.push(`sourceNames."${name}": no source has this short name`);
    return report;
  });
}
