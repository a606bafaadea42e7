/** A text shown to users, in French (the default) and English. */
export interface LocalizedText {
  fr: string;
  en: string;
}

/** The languages the interface speaks; French comes first. */
export type Language = keyof LocalizedText;
