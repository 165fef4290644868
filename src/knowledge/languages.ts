/** The languages the app reads and answers in; English is the source every other one is checked against. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "de-DE", "pt_BR", "fr" → the app's language, or null for a locale it does not answer in. */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  const code = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : null;
}

/** The language's own name ("Deutsch", "français"), for saying what is not translated yet. */
export function languageName(language: Language): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}
