/** A date and time as the school reads it, in Europe/Paris whatever the device's zone: « 3 mars 2026, 14:05 ». */
export function formatDateTime(iso: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A compact date and time in Europe/Paris, for tables: « 03/03/2026 14:05 ». */
export function formatShortDateTime(iso: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(iso));
}

/** A day in Europe/Paris: « 3 mars 2026 ». */
export function formatDate(iso: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(iso));
}

/** An activation code as printed on slips: two groups of four, easier to copy. */
export function printedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** A size as people read it, in binary units named the French way: « 1,2 Go », « 350 Mo » (« GB », « MB » in English). */
export function formatBytes(bytes: number, language: 'fr' | 'en'): string {
  const units = language === 'fr' ? ['octets', 'Ko', 'Mo', 'Go'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}
