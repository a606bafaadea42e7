import { defineError } from '@preau/sdk';

/** No menu was published for that week. */
export const MenuNotFound = defineError('LUNCH_MENU_ERR_NOT_FOUND', 404, (week: string) => ({
  fr: `Aucun menu n'est publié pour la semaine ${week}.`,
  en: `No menu is published for week ${week}.`,
}));

/** The school is not one of the user's schools where the app is on. */
export const SchoolNotAllowed = defineError('LUNCH_MENU_ERR_SCHOOL', 403, {
  fr: "Vous n'avez pas accès au menu de cette école.",
  en: "You have no access to this school's menu.",
});

/** Two entries for the same day. */
export const DuplicateDay = defineError('LUNCH_MENU_ERR_DUPLICATE_DAY', 400, (day: string) => ({
  fr: `Le jour « ${day} » apparaît deux fois.`,
  en: `Day "${day}" appears twice.`,
}));
