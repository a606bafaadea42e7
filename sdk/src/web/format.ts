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

/** An instant as schools read it, in Europe/Paris: « jeudi 26 novembre à 10:00 ». */
export function formatDateTime(date: Date | string, language: 'fr' | 'en' = 'fr'): string {
  return new Date(date).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
  });
}

/**
 * An app's texts in French and English, checked at compile time: `t.text('send', language)`, and
 * `t.format('sentOn', language, { date })` fills `{date}`. One way for every app to speak both languages.
 */
export function defineTexts<Key extends string>(texts: Readonly<Record<Key, LocalizedText>>) {
  const text = (key: Key, language: 'fr' | 'en' = 'fr'): string => texts[key][language];
  return {
    texts,
    text,
    format: (key: Key, language: 'fr' | 'en', values: Readonly<Record<string, string | number>>): string =>
      text(key, language).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
  };
}
