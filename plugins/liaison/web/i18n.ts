/** The notebook's texts, French first; `{name}` is filled by `format`. */
export const TEXTS = {
  notebook: { fr: 'Carnet de liaison', en: 'Liaison notebook' },
  newWord: { fr: 'Écrire un mot', en: 'Write a word' },
  editWord: { fr: 'Modifier le mot', en: 'Edit the word' },
  myWords: { fr: 'Mots envoyés', en: 'Words sent' },
  noWords: { fr: "Aucun mot pour l'instant.", en: 'No word yet.' },
  loadMore: { fr: 'Mots plus anciens', en: 'Older words' },
  title: { fr: 'Titre', en: 'Title' },
  category: { fr: 'Catégorie', en: 'Category' },
  body: { fr: 'Texte du mot', en: 'Text of the word' },
  recipients: { fr: 'Destinataires', en: 'Recipients' },
  wholeClass: { fr: 'Toute la classe', en: 'Whole class' },
  choosePupils: { fr: 'Choisir des élèves', en: 'Choose pupils' },
  requiresAck: { fr: 'Un parent doit confirmer la lecture', en: 'A parent must acknowledge it' },
  repliesAllowed: { fr: 'Les familles peuvent répondre', en: 'Families may reply' },
  sendAt: { fr: "Date et heure d'envoi (laisser vide pour envoyer maintenant)", en: 'Sending date and time (empty: now)' },
  question: { fr: 'Question aux familles', en: 'Question to families' },
  questionNone: { fr: 'Pas de question', en: 'No question' },
  questionYesNo: { fr: 'Oui / non (autorisation)', en: 'Yes / no (authorisation)' },
  questionChoice: { fr: 'Un choix parmi plusieurs', en: 'One choice among several' },
  questionPrompt: { fr: 'Intitulé de la question', en: 'Question' },
  questionOptions: { fr: 'Choix proposés (un par ligne)', en: 'Options (one per line)' },
  questionDeadline: { fr: 'Date limite de réponse', en: 'Answer deadline' },
  send: { fr: 'Envoyer le mot', en: 'Send the word' },
  schedule: { fr: "Programmer l'envoi", en: 'Schedule it' },
  save: { fr: 'Enregistrer', en: 'Save' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  scheduledFor: { fr: 'Envoi programmé le {date}', en: 'Scheduled for {date}' },
  sentOn: { fr: 'Envoyé le {date}', en: 'Sent on {date}' },
  by: { fr: 'par {name}', en: 'by {name}' },
  counts: { fr: '{ack}/{pupils} lus', en: '{ack}/{pupils} read' },
  repliesCount: { fr: '{count} réponses', en: '{count} replies' },
  oneReply: { fr: '1 réponse', en: '1 reply' },
  tracking: { fr: 'Suivi du mot', en: 'Tracking' },
  acknowledgedList: { fr: 'Lecture confirmée', en: 'Acknowledged' },
  pendingList: { fr: 'Pas encore lu', en: 'Not read yet' },
  readBy: { fr: 'lu par {name}', en: 'read by {name}' },
  remind: { fr: 'Rappel de lecture', en: 'Reading reminder' },
  reminded: { fr: 'Rappel envoyé aux familles de {pupils} élèves ({relatives} responsables).', en: 'Reminder sent to the families of {pupils} pupils ({relatives} relatives).' },
  lastReminder: { fr: 'Dernier rappel : {date}', en: 'Last reminder: {date}' },
  print: { fr: 'Imprimer', en: 'Print' },
  slipsPdf: { fr: 'Coupons à signer (PDF)', en: 'Slips to sign (PDF)' },
  edit: { fr: 'Modifier', en: 'Edit' },
  copy: { fr: 'Copier vers une autre classe', en: 'Copy to another class' },
  copyTo: { fr: 'Copier', en: 'Copy' },
  copied: { fr: 'Mot copié.', en: 'Word copied.' },
  delete: { fr: 'Supprimer', en: 'Delete' },
  confirmDelete: { fr: 'Supprimer ce mot pour toutes les familles ?', en: 'Delete this word for every family?' },
  answers: { fr: 'Réponses à la question', en: 'Answers to the question' },
  replies: { fr: 'Réponses des familles', en: "Families' replies" },
  noReplies: { fr: 'Aucune réponse.', en: 'No reply.' },
  conversation: { fr: 'Échanges', en: 'Conversation' },
  acknowledge: { fr: 'Confirmer la lecture', en: 'Acknowledge' },
  acknowledgedBy: { fr: 'Lecture confirmée par {name} le {date}', en: 'Acknowledged by {name} on {date}' },
  reply: { fr: 'Répondre', en: 'Reply' },
  yourReply: { fr: 'Votre réponse', en: 'Your reply' },
  sendReply: { fr: 'Envoyer la réponse', en: 'Send the reply' },
  modified: { fr: 'modifié', en: 'changed' },
  unread: { fr: 'non lu', en: 'unread' },
  paused: { fr: 'Le carnet de la classe est en pause', en: 'The class notebook is paused' },
  pausedUntil: { fr: "Le carnet de la classe est en pause jusqu'au {date}", en: 'The class notebook is paused until {date}' },
  answerSaved: { fr: 'Réponse enregistrée.', en: 'Answer saved.' },
  deadline: { fr: "Répondre avant le {date}", en: 'Answer before {date}' },
  forChild: { fr: 'Pour {name}', en: 'For {name}' },
  classes: { fr: 'Mes classes', en: 'My classes' },
  pause: { fr: 'Mettre en pause', en: 'Pause' },
  resume: { fr: 'Reprendre', en: 'Resume' },
  pauseUntil: { fr: "Jusqu'au (facultatif)", en: 'Until (optional)' },
  pauseReason: { fr: 'Motif (facultatif)', en: 'Reason (optional)' },
  back: { fr: 'Retour au carnet', en: 'Back to the notebook' },
  printSlips: { fr: 'Coupons à découper', en: 'Slips to cut out' },
  signHere: { fr: "Lu et pris connaissance — signature d'un responsable :", en: 'Read — signature of a relative:' },
  helpTitle: { fr: 'Aide du carnet de liaison', en: 'Liaison notebook help' },
  live: { fr: 'Mis à jour en direct', en: 'Updated live' },
  attachments: { fr: 'Pièces jointes', en: 'Attachments' },
  addFiles: { fr: 'Ajouter des fichiers', en: 'Add files' },
  uploading: { fr: 'Envoi des fichiers…', en: 'Uploading…' },
  removeFile: { fr: 'Retirer {name}', en: 'Remove {name}' },
} as const;

export type TextKey = keyof typeof TEXTS;
export type Language = 'fr' | 'en';

export const CATEGORY_LABELS: Record<string, { fr: string; en: string }> = {
  information: { fr: 'Information', en: 'Information' },
  sortie: { fr: 'Sortie', en: 'Outing' },
  reunion: { fr: 'Réunion', en: 'Meeting' },
  sante: { fr: 'Santé', en: 'Health' },
  autorisation: { fr: 'Autorisation', en: 'Authorisation' },
  'vie-de-classe': { fr: 'Vie de la classe', en: 'Class life' },
  autre: { fr: 'Autre', en: 'Other' },
};

export function text(key: TextKey, language: Language): string {
  return TEXTS[key][language];
}

export function format(key: TextKey, language: Language, values: Record<string, string | number>): string {
  return text(key, language).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** An instant as a French school reads it, in Europe/Paris: « jeudi 26 novembre à 10:00 ». */
export function formatInstant(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
  });
}
