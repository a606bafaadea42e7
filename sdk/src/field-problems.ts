import type { LocalizedText } from './localized-text.js';

/**
 * The schema keyword naming a request field as its form does, so a validation error says « Titre » rather than
 * `body.title`. Set it with {@link fieldLabel}.
 */
export const FIELD_LABEL_KEYWORD = 'x-label';

/**
 * Names a field of a route schema in French and English, as the form shows it; spread it into the schema's options.
 *
 * @example
 * Type.String({ minLength: 1, maxLength: 200, ...fieldLabel('Titre', 'Title') })
 */
export function fieldLabel(fr: string, en: string): { [FIELD_LABEL_KEYWORD]: LocalizedText } {
  return { [FIELD_LABEL_KEYWORD]: { fr, en } };
}

/** What is wrong with a field, whether the server's schema or the browser's form found it. */
export type FieldProblemKind =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'notANumber'
  | 'notAnInteger'
  | 'notText'
  | 'notYesNo'
  | 'notADate'
  | 'notAnEmail'
  | 'notAnAddress'
  | 'badFormat'
  | 'notAChoice'
  | 'tooFewItems'
  | 'tooManyItems'
  | 'duplicates'
  | 'unknownField'
  | 'invalid';

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

/**
 * One sentence naming the field and what it needs, in French and English: the same words for a problem the
 * browser catches before sending and one the server catches after.
 */
export function fieldProblemText(kind: FieldProblemKind, label: LocalizedText, limit?: number | string): LocalizedText {
  const fr = `Le champ « ${label.fr} »`;
  const en = `The field “${label.en}”`;
  const n = typeof limit === 'number' ? limit : Number(limit ?? 0);
  switch (kind) {
    case 'required':
      return { fr: `${fr} est obligatoire.`, en: `${en} is required.` };
    case 'tooShort':
      return n <= 1
        ? { fr: `${fr} est obligatoire.`, en: `${en} is required.` }
        : { fr: `${fr} doit contenir au moins ${plural(n, 'caractère', 'caractères')}.`, en: `${en} needs at least ${plural(n, 'character', 'characters')}.` };
    case 'tooLong':
      return { fr: `${fr} doit contenir au plus ${plural(n, 'caractère', 'caractères')}.`, en: `${en} allows at most ${plural(n, 'character', 'characters')}.` };
    case 'tooSmall':
      return { fr: `${fr} doit valoir au moins ${limit}.`, en: `${en} must be at least ${limit}.` };
    case 'tooLarge':
      return { fr: `${fr} doit valoir au plus ${limit}.`, en: `${en} must be at most ${limit}.` };
    case 'notANumber':
      return { fr: `${fr} doit être un nombre.`, en: `${en} must be a number.` };
    case 'notAnInteger':
      return { fr: `${fr} doit être un nombre entier.`, en: `${en} must be a whole number.` };
    case 'notText':
      return { fr: `${fr} doit être un texte.`, en: `${en} must be text.` };
    case 'notYesNo':
      return { fr: `${fr} doit être coché ou non.`, en: `${en} must be ticked or not.` };
    case 'notADate':
      return { fr: `${fr} doit être une date valide.`, en: `${en} must be a valid date.` };
    case 'notAnEmail':
      return { fr: `${fr} doit être une adresse électronique valide.`, en: `${en} must be a valid email address.` };
    case 'notAnAddress':
      return { fr: `${fr} doit être une adresse web valide.`, en: `${en} must be a valid web address.` };
    case 'badFormat':
      return { fr: `${fr} n’a pas la forme attendue.`, en: `${en} is not in the expected form.` };
    case 'notAChoice':
      return { fr: `${fr} n’a pas une valeur possible.`, en: `${en} does not hold one of the possible values.` };
    case 'tooFewItems':
      return n <= 1
        ? { fr: `${fr} doit contenir au moins un élément.`, en: `${en} needs at least one item.` }
        : { fr: `${fr} doit contenir au moins ${n} éléments.`, en: `${en} needs at least ${n} items.` };
    case 'tooManyItems':
      return { fr: `${fr} doit contenir au plus ${plural(n, 'élément', 'éléments')}.`, en: `${en} allows at most ${plural(n, 'item', 'items')}.` };
    case 'duplicates':
      return { fr: `${fr} contient des doublons.`, en: `${en} has duplicates.` };
    case 'unknownField':
      return { fr: `${fr} n’est pas attendu ici.`, en: `${en} is not expected here.` };
    case 'invalid':
      return { fr: `${fr} n’est pas valide.`, en: `${en} is not valid.` };
  }
}
