import { defineTexts } from '@preau/sdk/web';

/** Every text of the app, in French and English. */
export const texts = defineTexts({
  school: { fr: 'École', en: 'School' },
  empty: { fr: "Aucun élément pour l'instant.", en: 'No items yet.' },
  newItem: { fr: 'Nouvel élément', en: 'New item' },
  add: { fr: 'Ajouter', en: 'Add' },
  added: { fr: 'Élément ajouté.', en: 'Item added.' },
  helpTitle: { fr: 'Comment utiliser « Média »', en: 'How to use "Média"' },
  helpRead: { fr: "Les membres de l'école voient ses éléments, du plus récent au plus ancien.", en: "The school's members see its items, newest first." },
  helpWrite: { fr: 'Les enseignants et le personnel en ajoutent ; les administrateurs de l’école choisissent qui le peut.', en: "Teachers and staff add items; the school's administrators choose who may." },
});
