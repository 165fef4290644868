import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import cityTimezones from 'city-timezones';
import type { Region, RegionId } from '../knowledge/schema.js';
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

// world-countries ships CommonJS whose types declare an ES default export, stopwords-iso is JSON: require() reads both.
const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as Country[];
const stopwords = require('stopwords-iso') as Record<string, string[]>;
const i18nCountries = require('i18n-iso-countries') as {
  getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  registerLocale(data: unknown): void;
};

const RANK = { country: 5, alias: 4, region: 3, demonym: 3, city: 2 } as const;
const MAX_WORDS = 5;
const TRANSLATIONS = ['deu', 'fra', 'ita', 'nld', 'por', 'spa'] as const;
const QUESTION_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];
/** Administrative names that are directions or generic words in several countries. */
const GENERIC_PROVINCES = new Set(['central', 'centre', 'center', 'north', 'south', 'east', 'west', 'nord', 'sud', 'ouest', 'est']);

export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(worldCountries.map((c) => c.cca2));
/** "Dutch" and "American" are also demonyms of dependent territories: the sovereign state wins. */
const countryWeight = new Map(worldCountries.map((c) => [c.cca2, (c.independent ? 1e9 : 0) + c.area]));

export interface PlaceData {
  aliases: Record<string, string>;
  upperCaseOnly: string[];
  notPlaces: string[];
}

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

  constructor(regions: readonly Region[], places: PlaceData, reservedWords: ReadonlySet<string>) {
    const catchAll = regions.find((r) => r.countries === 'all-others');
    this.fallbackRegion = catchAll?.id ?? 'rest-of-world';
    for (const region of regions) {
      if (region.countries !== 'all-others') for (const code of region.countries) this.regionOfCountry.set(code, region.id);
    }
    // "para", "como" and "van" are towns too, but in a question they are nearly always just words.
    const stopwordSet = new Set(QUESTION_LANGUAGES.flatMap((l) => stopwords[l] ?? []).map(fold));
    const blocked = new Set([...places.notPlaces.map(fold), ...reservedWords, ...stopwordSet]);
    const allow = (key: string) => key.length >= 2 && !blocked.has(key);

    // i18n-iso-countries knows the everyday and alternative names ("Turkey" beside "Türkiye", "Holland").
    for (const lang of QUESTION_LANGUAGES) {
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
  }

  get size(): number {
    return this.entries.size;
  }

  regionFor(country: string): RegionId {
    return this.regionOfCountry.get(country) ?? this.fallbackRegion;
  }

  /** The most telling place in the question (a country over a city, then the first named), or null. */
  find(question: string): PlaceMatch | null {
    const tokens = tokenizeWithOriginal(question);
    let best: { match: PlaceMatch; rank: number } | null = null;
    for (let i = 0; i < tokens.length;) {
      let advanced = false;
      for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
        const slice = tokens.slice(i, i + n);
        const key = slice.map((t) => t.token).join(' ');
        const entry = this.entries.get(key);
        if (!entry) continue;
        if (entry.upperCaseOnly && !slice.every((t) => t.original === t.original.toUpperCase())) continue;
        const region = entry.region ?? (entry.country ? this.regionFor(entry.country) : this.fallbackRegion);
        const match = { text: slice.map((t) => t.original).join(' '), country: entry.country, region, start: i, end: i + n };
        if (!best || entry.rank > best.rank) best = { match, rank: entry.rank };
        i += n;
        advanced = true;
        break;
      }
      if (!advanced) i++;
    }
    return best?.match ?? null;
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
    const k = key(name);
    if (!k || !allow(k)) return;
    const existing = this.entries.get(k);
    if (existing && (existing.rank > rank || (existing.rank === rank && existing.population >= population))) return;
    this.entries.set(k, { country, region, rank, population, upperCaseOnly });
  }
}

/** The English short name of a country ("CA" → "Canada"), or the code when unknown. */
export function countryName(code: string): string {
  return worldCountries.find((c) => c.cca2 === code)?.name.common ?? code;
}
