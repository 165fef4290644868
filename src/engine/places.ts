import { createRequire } from 'node:module';
import cityTimezones from 'city-timezones';
import { ISO_COUNTRY_CODES, worldCountries } from '../knowledge/countries.js';
import { LANGUAGES } from '../knowledge/languages.js';
import type { Region, RegionId } from '../knowledge/schema.js';
import { ANY_FUNCTION_WORD } from './function-words.js';
import { editDistance, FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { fold, tokenize, tokenizeWithOriginal } from './text.js';

/** A place named in a question, resolved to a country (when one is known) and its region. */
export interface PlaceMatch {
  text: string;
  country: string | null;
  region: RegionId;
  /** Token positions [start, end) in the question, so the matcher can ignore them. */
  start: number;
  end: number;
}

interface Entry {
  country: string | null;
  region: RegionId | null;
  /** Higher wins when a question names several places: a country outranks one of its cities. */
  rank: number;
  /** Population, to prefer the bigger of two cities with one name. */
  population: number;
  /** Abbreviations such as "US" or "HK" count only when written in capitals ("us" is a pronoun). */
  upperCaseOnly: boolean;
}

/** Where a question names places: each place once (first mention first), and every span naming one. */
export interface PlacesFound {
  places: PlaceMatch[];
  spans: { start: number; end: number }[];
}

// i18n-iso-countries is CommonJS: require() reads it.
const require = createRequire(import.meta.url);
const i18nCountries = require('i18n-iso-countries') as {
  getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  registerLocale(data: unknown): void;
};

const RANK = { country: 5, alias: 4, region: 3, demonym: 3, city: 2, town: 1 } as const;
const MAX_WORDS = 5;
/** Town names of up to three words ("Bad Homburg vor…" is longer, and rare). */
const MAX_TOWN_WORDS = 3;
const TRANSLATIONS = ['deu', 'fra', 'ita', 'nld', 'por', 'spa'] as const;
/** Administrative names that are directions or generic words in several countries. */
const GENERIC_PROVINCES = new Set(['central', 'centre', 'center', 'north', 'south', 'east', 'west', 'nord', 'sud', 'ouest', 'est']);

/** "Dutch" and "American" are also demonyms of dependent territories: the sovereign state wins. */
const countryWeight = new Map(worldCountries.map((c) => [c.cca2, (c.independent ? 1e9 : 0) + c.area]));

export interface PlaceData {
  aliases: Record<string, string>;
  upperCaseOnly: string[];
  /** Words around which an upper-case-only name counts in lower case too ("the us", "us based"). */
  lowerCaseContext: { before: string[]; after: string[] };
  /** Words that make a nationality or country next to them describe an institution, not the asker ("the Irish DPC"). */
  institutionWords: string[];
  /** Words for the people of a whole region ("European"), by region id. */
  regionDemonyms: Record<string, string[]>;
  /** Words after which a place is expected ("in", "aus", "em"): a misspelt country name counts only there. */
  placePrepositions: string[];
  townPrepositions: string[];
  notPlaces: string[];
}

/** How far from an institution word a nationality still qualifies it ("the Irish data protection commission"). */
const INSTITUTION_WINDOW = 3;
/** A misspelt country name must be this long to be recognised ("Canda" for Canada, not "Peru" for "per"). */
const MIN_FUZZY_COUNTRY_LENGTH = 6;
/** A misspelt country opening a message counts from six letters ("Gemany employees…"); shorter openers are ordinary words too often. */
const MIN_OPENING_TYPO_LENGTH = 6;
/** Articles that may stand between a preposition and a country's name. */
const ARTICLES = new Set(['the', 'la', 'le', 'les', 'l', 'die', 'der', 'den', 'het', 'el', 'los', 'las', 'il', 'lo', 'os', 'as']);
/** A short country name counts with two letters swapped from this length ("Inida"). */
const MIN_SWAPPED_COUNTRY_LENGTH = 5;
/**
 * A misspelt city counts only after a preposition, from this length and this population ("in Sao Paolo").
 * Not before "team" or "office": "Sales team" and "Media team" are a letter from Salem and Medina.
 */
const MIN_FUZZY_CITY_LENGTH = 6;
const MIN_FUZZY_CITY_POPULATION = 500_000;
/** From this length a country name may be two typos off ("Phillipines", "Luxembrug"): shorter words collide. */
const MIN_TWO_TYPO_LENGTH = 9;

function key(name: string): string {
  return tokenize(name).join(' ');
}

/**
 * Finds places in questions: country names in seven languages and their demonyms (world-countries),
 * cities and provinces (city-timezones, from the Simplemaps world-cities gazetteer), plus the
 * knowledge base's own aliases for names those packages lack ("München", "EU").
 */
export class Gazetteer {
  private readonly entries = new Map<string, Entry>();
  private readonly regionOfCountry = new Map<string, RegionId>();
  private readonly fallbackRegion: RegionId;
  private readonly lowerCaseBefore: ReadonlySet<string>;
  private readonly lowerCaseAfter: ReadonlySet<string>;
  private readonly institutionWords: ReadonlySet<string>;
  private readonly countryNames: FuzzyVocabulary;
  /** Long country names by their first letter: a typo seldom changes the first letter. */
  private readonly longCountryNames = new Map<string, string[]>();
  private readonly shortCountryNames: string[];
  private readonly bigCityNames: FuzzyVocabulary;
  private readonly blocked: ReadonlySet<string>;
  private readonly placePrepositions: ReadonlySet<string>;
  private readonly townPrepositions: ReadonlySet<string>;
  private towns: ReadonlyMap<string, string> | null = null;

  /**
   * `reservedWords` (the topics' own keywords) are never places, nor read as misspelt country names.
   * `towns` gives the small places the city gazetteer lacks (folded name → country), loaded at the first
   * question that needs them; one that is also one of `ordinaryWords` (the words of the app's own texts:
   * "sales", "media") is never read as a town.
   */
  constructor(
    regions: readonly Region[],
    places: PlaceData,
    reservedWords: ReadonlySet<string>,
    private readonly loadTowns: () => ReadonlyMap<string, string> = () => new Map(),
    private readonly ordinaryWords: ReadonlySet<string> = new Set(),
  ) {
    const catchAll = regions.find((r) => r.countries === 'all-others');
    this.fallbackRegion = catchAll?.id ?? 'rest-of-world';
    for (const region of regions) {
      if (region.countries !== 'all-others') for (const code of region.countries) this.regionOfCountry.set(code, region.id);
    }
    // "para", "como" and "van" are towns too, but in a question they are nearly always just words.
    const blocked = new Set([...places.notPlaces.map(fold), ...reservedWords, ...ANY_FUNCTION_WORD]);
    this.blocked = blocked;
    this.lowerCaseBefore = new Set(places.lowerCaseContext.before.map(fold));
    this.lowerCaseAfter = new Set(places.lowerCaseContext.after.map(fold));
    this.institutionWords = new Set(places.institutionWords.map(key));
    this.placePrepositions = new Set(places.placePrepositions.map(fold));
    this.townPrepositions = new Set(places.townPrepositions.map(fold));
    const allow = (key: string) => key.length >= 2 && !blocked.has(key);

    // i18n-iso-countries knows the everyday and alternative names ("Turkey" beside "Türkiye", "Holland").
    for (const lang of LANGUAGES) {
      i18nCountries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
      for (const [code, names] of Object.entries(i18nCountries.getNames(lang, { select: 'all' }))) {
        if (ISO_COUNTRY_CODES.has(code)) for (const name of names) this.put(name, code, null, RANK.country, countryWeight.get(code) ?? 0, allow);
      }
    }
    for (const c of worldCountries) {
      const names = [c.name.common, c.name.official, ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official])];
      for (const lang of TRANSLATIONS) {
        const t = c.translations[lang];
        if (t) names.push(t.common, t.official);
      }
      names.push(...c.altSpellings.filter((s) => s.length > 3));
      const weight = countryWeight.get(c.cca2) ?? 0;
      for (const name of names) this.put(name, c.cca2, null, RANK.country, weight, allow);
      for (const d of Object.values(c.demonyms ?? {})) {
        for (const form of [d.m, d.f]) {
          if (!form) continue;
          this.put(form, c.cca2, null, RANK.demonym, weight, allow);
          this.put(`${form}s`, c.cca2, null, RANK.demonym, weight, allow);
        }
      }
    }

    // A province counts as big as its cities together, so Ontario (Canada) beats Ontario (California).
    const provinces = new Map<string, { countries: Set<string>; population: number }>();
    for (const city of cityTimezones.cityMapping) {
      if (!ISO_COUNTRY_CODES.has(city.iso2)) continue;
      for (const name of [city.city, city.city_ascii]) this.put(name, city.iso2, null, RANK.city, city.pop, allow);
      if (city.province) {
        const p = provinces.get(city.province) ?? { countries: new Set(), population: 0 };
        p.countries.add(city.iso2);
        p.population += city.pop;
        provinces.set(city.province, p);
      }
    }
    for (const [province, { countries, population }] of provinces) {
      const [only] = countries;
      if (countries.size === 1 && only && !GENERIC_PROVINCES.has(fold(province))) this.put(province, only, null, RANK.city, population, allow);
    }

    const upperCaseOnly = new Set(places.upperCaseOnly.map(fold));
    for (const [name, target] of Object.entries(places.aliases)) {
      const isRegion = regions.some((r) => r.id === target);
      this.put(
        name,
        isRegion ? null : target,
        isRegion ? (target as RegionId) : null,
        isRegion ? RANK.region : RANK.alias,
        Infinity,
        () => true,
        upperCaseOnly.has(fold(name)),
      );
    }
    for (const [region, words] of Object.entries(places.regionDemonyms)) {
      for (const word of words) this.put(word, null, region as RegionId, RANK.demonym, Infinity, () => true);
    }
    this.bigCityNames = new FuzzyVocabulary(
      [...this.entries].filter(([k, e]) => e.rank === RANK.city && e.population >= MIN_FUZZY_CITY_POPULATION && k.length >= MIN_FUZZY_CITY_LENGTH - 1).map(([k]) => k),
    );
    const countryKeys = [...this.entries].filter(([k, e]) => e.rank === RANK.country && k.length >= MIN_FUZZY_COUNTRY_LENGTH).map(([k]) => k);
    this.countryNames = new FuzzyVocabulary(countryKeys);
    for (const k of countryKeys.filter((name) => name.length >= MIN_TWO_TYPO_LENGTH - 2)) {
      const list = this.longCountryNames.get(k[0] as string) ?? [];
      list.push(k);
      this.longCountryNames.set(k[0] as string, list);
    }
    this.shortCountryNames = [...this.entries]
      .filter(([k, e]) => e.rank === RANK.country && k.length >= MIN_SWAPPED_COUNTRY_LENGTH && k.length < MIN_FUZZY_COUNTRY_LENGTH)
      .map(([k]) => k);
  }

  get size(): number {
    return this.entries.size;
  }

  regionFor(country: string): RegionId {
    return this.regionOfCountry.get(country) ?? this.fallbackRegion;
  }

  /** The first place the question names, or null. */
  find(question: string): PlaceMatch | null {
    return this.findAll(question).places[0] ?? null;
  }

  /**
   * Every place the question names, each country (or region) once, in the order first named:
   * "Toronto and Hong Kong" gives Canada then Hong Kong; "Wien, Austria" gives Austria once.
   * Longest names win ("New York" over "York"); a nationality next to a regulator is not a place.
   */
  findAll(question: string): PlacesFound {
    const tokens = tokenizeWithOriginal(question);
    const places: PlaceMatch[] = [];
    const spans: { start: number; end: number }[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.matchAt(tokens, i);
      if (!found) {
        i++;
        continue;
      }
      const { entry, n } = found;
      i += n;
      if (entry.rank > RANK.city && this.qualifiesInstitution(tokens, i - n, i, entry.rank)) continue;
      spans.push({ start: i - n, end: i });
      const region = entry.region ?? (entry.country ? this.regionFor(entry.country) : this.fallbackRegion);
      if (places.some((p) => p.country === entry.country && p.region === region)) continue;
      const slice = tokens.slice(i - n, i);
      places.push({ text: slice.map((t) => t.original).join(' '), country: entry.country, region, start: i - n, end: i });
    }
    // "Réunion … the EU change": a region named beside one of its countries adds nothing.
    const specific = places.filter((p) => p.country !== null || !places.some((q) => q.country !== null && q.region === p.region));
    return { places: specific, spans };
  }

  /** The longest name starting at token i, else a misspelt country name there. */
  private matchAt(tokens: readonly { token: string; original: string }[], i: number): { entry: Entry; n: number } | null {
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      const entry = this.entries.get(slice.map((t) => t.token).join(' '));
      if (!entry) continue;
      if (entry.upperCaseOnly && !slice.every((t) => t.original === t.original.toUpperCase()) && !this.lowerCaseAllowed(tokens, i, i + n)) continue;
      return { entry, n };
    }
    return this.misspeltCountryAt(tokens, i) ?? this.townAt(tokens, i);
  }

  /**
   * "our team in Felixstowe", "Piraeus office": a town the city gazetteer lacks, capitalised, where a place
   * is expected (after "in", "uit"… or before "office", "team"…), and no word of the app's own texts.
   */
  private townAt(tokens: readonly { token: string; original: string }[], i: number): { entry: Entry; n: number } | null {
    if (!/^\p{Lu}/u.test(tokens[i]?.original ?? '')) return null;
    const previous = tokens[i - 1]?.token;
    const beforeArticle = previous !== undefined && ARTICLES.has(previous) ? tokens[i - 2]?.token : previous;
    const afterPreposition = beforeArticle !== undefined && this.townPrepositions.has(beforeArticle);
    const placeNounSoon = tokens.slice(i + 1, i + 1 + MAX_TOWN_WORDS).some((t) => this.lowerCaseAfter.has(t.token));
    if (!afterPreposition && !placeNounSoon) return null;
    // Few questions get this far: the town index (tens of thousands of names) is read when one does.
    this.towns ??= this.loadTowns();
    for (let n = Math.min(MAX_TOWN_WORDS, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      const country = this.towns.get(slice.map((t) => t.token).join(' '));
      if (!country) continue;
      const [word] = slice;
      if (n === 1 && word && (this.blocked.has(word.token) || this.ordinaryWords.has(word.token))) return null;
      const after = tokens[i + n]?.token ?? '';
      // "look at Anna's post": a possessive is a person's (or a firm's) more often than a town's.
      if (after === 's' || (!afterPreposition && !this.lowerCaseAfter.has(after))) return null;
      return { entry: { country, region: null, rank: RANK.town, population: 0, upperCaseOnly: false }, n };
    }
    return null;
  }

  /**
   * "in Canda", "from Swizerland": a word one typo from a country name, where a place is expected
   * (after "in", "from", "aus"…, or capitalised mid-sentence). Elsewhere such words are mostly
   * ordinary ones ("surname", "réunions", "service").
   */
  private misspeltCountryAt(tokens: readonly { token: string; original: string }[], i: number): { entry: Entry; n: number } | null {
    const token = tokens[i]?.token ?? '';
    const previous = tokens[i - 1]?.token;
    // "in Canda", and "in the Phillipines" with an article between.
    const beforeArticle = previous !== undefined && ARTICLES.has(previous) ? tokens[i - 2]?.token : previous;
    const afterPreposition = beforeArticle !== undefined && this.placePrepositions.has(beforeArticle);
    const country = this.blocked.has(token) ? null : this.nearCountryAt(tokens, i, afterPreposition);
    return country ?? (afterPreposition ? this.misspeltCityAt(tokens, i) : null);
  }

  private nearCountryAt(tokens: readonly { token: string; original: string }[], i: number, afterPreposition: boolean): { entry: Entry; n: number } | null {
    const token = tokens[i]?.token ?? '';
    // Capitalised mid-sentence, or a long word opening the message ("Phillipines team…"): short
    // capitalised openers are ordinary words too often.
    const capitalised = /^\p{Lu}/u.test(tokens[i]?.original ?? '') && (i > 0 || token.length >= MIN_OPENING_TYPO_LENGTH);
    if (!capitalised && !afterPreposition) return null;
    // Two words first, for names like "hong kogn" and "new zeland".
    const next = tokens[i + 1]?.token;
    for (const [words, n] of next ? ([[`${token} ${next}`, 2], [token, 1]] as const) : ([[token, 1]] as const)) {
      if (words.length < MIN_FUZZY_COUNTRY_LENGTH - 1) continue;
      // A plural of the name is a word, not a typo ("réunions"), except right after a preposition and capitalised ("in Nederlands").
      const previous = tokens[i - 1]?.token;
      const pluralAllowed = n === 1 && capitalised && previous !== undefined && this.placePrepositions.has(previous);
      const oneTypo = this.countryNames.lookup(words);
      const candidates = oneTypo.length
        ? oneTypo
        : words.length >= MIN_TWO_TYPO_LENGTH && (afterPreposition || i === 0)
          ? this.twoTyposFrom(words)
          : afterPreposition
            ? this.swappedFrom(words)
            : [];
      const names = pluralAllowed ? candidates : candidates.filter((k) => `${k}s` !== words && `${k}es` !== words);
      const near = new Set(names.map((k) => this.entries.get(k)?.country));
      const [country] = near;
      if (near.size === 1 && country) return { entry: { country, region: null, rank: RANK.country, population: 0, upperCaseOnly: false }, n };
    }
    return null;
  }

  /**
   * "in Sao Paolo", "in Frankfrut": a big city's name one typo off, only after a preposition (elsewhere
   * such words are ordinary ones). Two words first; their first may be a function word ("sao", "new").
   */
  private misspeltCityAt(tokens: readonly { token: string; original: string }[], i: number): { entry: Entry; n: number } | null {
    const token = tokens[i]?.token ?? '';
    const next = tokens[i + 1]?.token;
    const forms: [string, number][] = next && !this.blocked.has(next) ? [[`${token} ${next}`, 2]] : [];
    // One word must be capitalised: "en los modelos" is one letter from Morelos.
    const capitalised = /^\p{Lu}/u.test(tokens[i]?.original ?? '');
    if (capitalised && !this.blocked.has(token) && token.length >= MIN_FUZZY_CITY_LENGTH) forms.push([token, 1]);
    for (const [words, n] of forms) {
      const names = this.bigCityNames.lookup(words).filter((k) => k !== words && `${k}s` !== words);
      const near = new Set(names.map((k) => this.entries.get(k)?.country));
      const [country] = near;
      if (near.size === 1 && country) return { entry: { country, region: null, rank: RANK.city, population: 0, upperCaseOnly: false }, n };
    }
    return null;
  }

  /**
   * Short country names with two neighbouring letters swapped, after "in", "from"… ("in Inida"): other
   * typos, or a capitalised first name ("Marco", "Maroc"), collide too often.
   */
  private swappedFrom(word: string): string[] {
    if (word.length < MIN_SWAPPED_COUNTRY_LENGTH) return [];
    return this.shortCountryNames.filter(
      (k) => k.length === word.length && k !== word && editDistance(k, word, 1) === 1 && [...k].sort().join('') === [...word].sort().join(''),
    );
  }

  /**
   * Country names two edits from a long word, after "in"… or opening the message (not every capitalised
   * German noun); a scan of the names with its first letter, as it runs only there.
   */
  private twoTyposFrom(word: string): string[] {
    const names = this.longCountryNames.get(word[0] as string) ?? [];
    return names.filter((k) => Math.abs(k.length - word.length) <= 2 && editDistance(k, word, 2) <= 2);
  }

  /** "the us", "us-based", "eu members": an abbreviation that is also a word counts in lower case here. */
  private lowerCaseAllowed(tokens: readonly { token: string }[], start: number, end: number): boolean {
    const before = tokens[start - 1]?.token;
    const after = tokens[end]?.token;
    return (before !== undefined && this.lowerCaseBefore.has(before)) || (after !== undefined && this.lowerCaseAfter.has(after));
  }

  /** "the Irish DPC", "the Ierse toezichthouder", "the EU regulators": the place describes an institution. */
  private qualifiesInstitution(tokens: readonly { token: string }[], start: number, end: number, rank: number): boolean {
    const words = tokens.map((t) => t.token);
    // "I'm in Hong Kong — did the PCPD say anything?": a place after "in" or "from" is where someone is,
    // unless it is the institution's own ("from Hong Kong's PCPD").
    const before = words[start - 1];
    const located = before !== undefined && this.placePrepositions.has(before) && words[end] !== 's';
    for (let k = end; !located && k < Math.min(words.length, end + INSTITUTION_WINDOW); k++) {
      if (this.institutionWords.has(words[k] as string) || this.institutionWords.has(`${words[k]} ${words[k + 1]}`)) return true;
    }
    // Nationalities follow the noun in French, Spanish, Italian and Portuguese ("le régulateur irlandais").
    if (rank === RANK.demonym) {
      for (let k = Math.max(0, start - 2); k < start; k++) if (this.institutionWords.has(words[k] as string)) return true;
    }
    return false;
  }

  /** Gazetteer names of three letters or fewer count only in capitals ("Ede", "Man"); aliases say for themselves. */
  private put(
    name: string,
    country: string | null,
    region: RegionId | null,
    rank: number,
    population: number,
    allow: (key: string) => boolean,
    upperCaseOnly = key(name).length <= 3,
  ): void {
    // "Zuerich", "Koeln": German written without umlauts.
    const transliterated = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
    if (transliterated !== name) this.put(transliterated, country, region, rank, population, allow, upperCaseOnly);
    const k = key(name);
    if (!k || !allow(k)) return;
    const existing = this.entries.get(k);
    if (existing && (existing.rank > rank || (existing.rank === rank && existing.population >= population))) return;
    this.entries.set(k, { country, region, rank, population, upperCaseOnly });
  }
}
