import { defineTexts } from '@preau/sdk/web';

/** The cahier's texts, French first; `{name}` is filled by `format`. */
const TEXTS = {
  textbook: { fr: 'Cahier de textes', en: 'Textbook' },
  chooseClass: { fr: 'Classe', en: 'Class' },
  archive: { fr: 'Archives (années passées)', en: 'Archive (past years)' },
  noClass: { fr: "Vous n'avez pas de classe dont tenir le cahier de textes cette année.", en: 'You have no class whose textbook to keep this year.' },
  previousWeek: { fr: 'Semaine précédente', en: 'Previous week' },
  nextWeek: { fr: 'Semaine suivante', en: 'Next week' },
  weekOf: { fr: 'Semaine du {from} au {to}', en: 'Week from {from} to {to}' },
  newSession: { fr: 'Ajouter une séance', en: 'Add a session' },
  newHomework: { fr: 'Donner du travail', en: 'Set homework' },
  sessions: { fr: 'Ce qui a été fait', en: 'What was done' },
  homework: { fr: 'Travail à faire', en: 'Homework' },
  nothingThisWeek: { fr: 'Rien dans le cahier cette semaine.', en: 'Nothing in the textbook this week.' },
  dueOn: { fr: 'Pour le {date}', en: 'For {date}' },
  minutes: { fr: 'environ {n} min', en: 'about {n} min' },
  notPublished: { fr: 'Visible par les familles le {date}', en: 'Visible to families on {date}' },
  locked: { fr: 'Visé', en: 'Signed' },
  afterVisa: { fr: 'Ajouté après le visa', en: 'Added after the visa' },
  doneCount: { fr: '{count}/{of} fait', en: '{count}/{of} done' },
  forSomePupils: { fr: 'Pour {n} élève(s)', en: 'For {n} pupil(s)' },
  edit: { fr: 'Modifier', en: 'Edit' },
  delete: { fr: 'Supprimer', en: 'Delete' },
  confirmDelete: { fr: 'Supprimer « {title} » ?', en: 'Delete "{title}"?' },
  copy: { fr: 'Copier', en: 'Copy' },
  copyTo: { fr: 'Copier vers', en: 'Copy to' },
  copied: { fr: 'Copié.', en: 'Copied.' },
  tracking: { fr: 'Qui a fait ?', en: 'Who did it?' },
  print: { fr: 'PDF de la semaine', en: "The week's PDF" },
  visa: { fr: 'Viser le cahier', en: 'Sign the textbook' },
  visaNote: { fr: 'Remarque (facultative)', en: 'Remark (optional)' },
  lastVisa: { fr: 'Visé par {name} le {date}', en: 'Signed by {name} on {date}' },
  noVisa: { fr: 'Pas encore visé.', en: 'Not signed yet.' },
  readOnly: { fr: 'Cahier en lecture seule.', en: 'Read-only textbook.' },
  kindSession: { fr: 'Séance', en: 'Session' },
  kindHomework: { fr: 'Travail à faire', en: 'Homework' },
  subject: { fr: 'Matière', en: 'Subject' },
  title: { fr: 'Titre', en: 'Title' },
  content: { fr: 'Contenu', en: 'Content' },
  day: { fr: 'Date', en: 'Date' },
  due: { fr: 'Pour le', en: 'Due on' },
  estimated: { fr: 'Temps estimé (minutes)', en: 'Estimated time (minutes)' },
  publishAt: { fr: 'Visible par les familles à partir du (vide : tout de suite)', en: 'Visible to families from (empty: now)' },
  whichPupils: { fr: 'Pour qui ?', en: 'For whom?' },
  wholeClass: { fr: 'Toute la classe (cochez des élèves pour un travail différencié)', en: 'The whole class (tick pupils for differentiated work)' },
  save: { fr: 'Enregistrer', en: 'Save' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  back: { fr: 'Retour au cahier', en: 'Back to the textbook' },
  progressOf: { fr: '{title} — {count}/{of} fait', en: '{title} — {count}/{of} done' },
  notDone: { fr: 'Pas encore', en: 'Not yet' },
  doneBy: { fr: 'Fait, coché par {name} le {date}', en: 'Done, ticked by {name} on {date}' },
  late: { fr: 'en retard', en: 'late' },
  forChild: { fr: 'Travail de {name}', en: "{name}'s homework" },
  myHomework: { fr: 'Mon travail à faire', en: 'My homework' },
  bucketToday: { fr: "Pour aujourd'hui", en: 'For today' },
  bucketTomorrow: { fr: 'Pour demain', en: 'For tomorrow' },
  bucketWeek: { fr: 'Cette semaine', en: 'This week' },
  bucketLater: { fr: 'Plus tard', en: 'Later' },
  noHomework: { fr: 'Aucun travail à faire pour le moment.', en: 'No homework for now.' },
  done: { fr: 'Fait', en: 'Done' },
  doneFor: { fr: 'Fait : {title}', en: 'Done: {title}' },
  daySessions: { fr: 'En classe ces derniers jours', en: 'In class these last days' },
  noSessions: { fr: 'Aucune séance écrite ces derniers jours.', en: 'No session written these last days.' },
  helpTitle: { fr: 'Aide du cahier de textes', en: 'Textbook help' },
  helpTeacher: {
    fr: "Les enseignants écrivent chaque jour ce qui a été fait en classe et le travail à faire pour une date, éventuellement visible plus tard (préparé le dimanche, visible le lundi). Le cahier est partagé par les enseignants de la classe ; la direction y ajoute un remplaçant, le lit et le vise.",
    en: 'Teachers write each day what was done in class and the homework for a date, possibly visible later (prepared on Sunday, visible on Monday). The textbook is shared by the class\'s teachers; the head adds a replacement, reads and signs it.',
  },
  helpFamily: {
    fr: "Les familles et les élèves voient le travail par date (pour demain, cette semaine, plus tard) et cochent « Fait » ; l'enseignant voit qui l'a fait.",
    en: 'Families and pupils see homework by date (tomorrow, this week, later) and tick "Done"; the teacher sees who did it.',
  },
} as const;

export type TextKey = keyof typeof TEXTS;
export type Language = 'fr' | 'en';

const textbookTexts = defineTexts(TEXTS);
export const text = textbookTexts.text;
export const format = textbookTexts.format;

/** The subjects offered first when none was loaded (the server sends the list with the classes). */
export const DEFAULT_SUBJECTS = ['Français', 'Mathématiques', 'Questionner le monde'];
