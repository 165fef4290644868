import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// world-countries ships CommonJS whose types declare an ES default export: require() reads it.
const require = createRequire(import.meta.url);

/** Every country and territory with an ISO 3166-1 alpha-2 code, with its names. */
export const worldCountries = require('world-countries') as readonly Country[];

export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(worldCountries.map((c) => c.cca2));

/** The English short name of a country ("CA" → "Canada"), or the code when unknown. */
export function countryName(code: string): string {
  return worldCountries.find((c) => c.cca2 === code)?.name.common ?? code;
}
