import { text, type Language, type TextKey } from '../i18n.js';

/** The profiles of Préau, in the order the address book offers them. */
export const PROFILES = ['Teacher', 'Student', 'Relative', 'Personnel', 'Guest'] as const;
export type Profile = (typeof PROFILES)[number];

/** A profile as the address book names it: « Enseignant », « Parent », « Partenaire ». */
export function directoryProfileName(profile: string, language: Language): string {
  return (PROFILES as readonly string[]).includes(profile) ? text(`directoryProfile${profile}` as TextKey, language) : profile;
}
