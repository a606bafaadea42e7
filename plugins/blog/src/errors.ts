import { defineError } from '@preau/sdk';

/** The school is not one of the user's schools where the app is on. */
export const SchoolNotAllowed = defineError('BLOG_ERR_SCHOOL', 403, {
  fr: "Vous n'avez pas accès à cette école dans « Blog ».",
  en: 'You have no access to this school in "Blog".',
});

/** The user does not hold the `write` right in this school. */
export const WriteNotAllowed = defineError('BLOG_ERR_WRITE', 403, {
  fr: "Vous ne pouvez pas ajouter d'éléments dans cette école.",
  en: 'You may not add items in this school.',
});
