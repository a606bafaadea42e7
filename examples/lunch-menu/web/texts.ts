import { defineTexts } from '@preau/sdk/web';

/** Every text of the app, in French and English. */
export const texts = defineTexts({
  monday: { fr: 'Lundi', en: 'Monday' },
  tuesday: { fr: 'Mardi', en: 'Tuesday' },
  wednesday: { fr: 'Mercredi', en: 'Wednesday' },
  thursday: { fr: 'Jeudi', en: 'Thursday' },
  friday: { fr: 'Vendredi', en: 'Friday' },
  week: { fr: 'Semaine', en: 'Week' },
  previous: { fr: 'Semaine précédente', en: 'Previous week' },
  next: { fr: 'Semaine suivante', en: 'Next week' },
  none: { fr: "Aucun menu n'est publié pour cette semaine.", en: 'No menu is published for this week.' },
  starter: { fr: 'Entrée', en: 'Starter' },
  main: { fr: 'Plat', en: 'Main course' },
  side: { fr: 'Accompagnement', en: 'Side' },
  dessert: { fr: 'Dessert', en: 'Dessert' },
  helpTitle: { fr: 'Comment lire et publier le menu', en: 'How to read and publish the menu' },
  helpRead: {
    fr: "Choisissez la semaine avec les flèches : les menus du lundi au vendredi s'affichent, avec l'entrée, le plat, l'accompagnement et le dessert.",
    en: 'Pick the week with the arrows: the menus from Monday to Friday are shown, with starter, main course, side and dessert.',
  },
  helpPublish: {
    fr: 'Les enseignants et le personnel publient le menu de la semaine ; une nouvelle publication remplace la précédente.',
    en: 'Teachers and staff publish the week’s menu; publishing again replaces it.',
  },
});

export type TextKey = Parameters<typeof texts.text>[0];
