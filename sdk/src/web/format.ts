/** A text in French and English. */
export interface LocalizedText {
  fr: string;
  en: string;
}

/** Picks the text for `language`. */
export function localize(text: LocalizedText, language: 'fr' | 'en' = 'fr'): string {
  return text[language];
}

/** A date as schools read it, in Europe/Paris: « vendredi 27 novembre 2026 ». */
export function formatDay(date: Date | string, language: 'fr' | 'en' = 'fr'): string {
  const value = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T12:00:00Z` : date) : date;
  return value.toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
