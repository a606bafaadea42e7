import { defineError } from '@preau/sdk';

/** The school is not one of the user's schools where the app is on. */
export const SchoolNotAllowed = defineError('MEDIA_ERR_SCHOOL', 403, {
  fr: "Vous n'avez pas accès à cette école dans « Média ».",
  en: 'You have no access to this school in "Média".',
});

/** The user does not hold the `write` right in this school. */
export const WriteNotAllowed = defineError('MEDIA_ERR_WRITE', 403, {
  fr: "Vous ne pouvez pas ajouter d'éléments dans cette école.",
  en: 'You may not add items in this school.',
});
