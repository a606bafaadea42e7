import { defineError } from '@preau/sdk';

/** The word does not exist, or the user may not see it (the same answer: no one learns what exists). */
export const WordNotFound = defineError('LIAISON_ERR_WORD_NOT_FOUND', 404, {
  fr: "Ce mot n'existe pas ou ne vous est pas adressé.",
  en: 'This word does not exist or is not addressed to you.',
});

/** A class or pupil the author does not teach or manage. */
export const AudienceNotAllowed = defineError('LIAISON_ERR_AUDIENCE', 403, (ids: string) => ({
  fr: `Vous ne pouvez pas écrire à ces classes ou élèves : ${ids}.`,
  en: `You may not write to these classes or pupils: ${ids}.`,
}));

/** A word must reach someone. */
export const AudienceEmpty = defineError('LIAISON_ERR_AUDIENCE_EMPTY', 400, {
  fr: 'Choisissez au moins une classe ou un élève.',
  en: 'Choose at least one class or pupil.',
});

/** Only the author (or the school's director) changes or deletes a word. */
export const NotTheAuthor = defineError('LIAISON_ERR_NOT_AUTHOR', 403, {
  fr: "Seul l'auteur du mot ou la direction de l'école peut le modifier ou le supprimer.",
  en: "Only the word's author or the school's head can change or delete it.",
});

/** The child is not one of the user's children, or the word was not addressed to them. */
export const ChildNotAllowed = defineError('LIAISON_ERR_CHILD', 403, {
  fr: "Vous ne pouvez agir que pour vos propres enfants.",
  en: 'You may only act for your own children.',
});

/** The user's profile may not acknowledge or reply (a pupil, unless the school gave the right). */
export const FamilyOnly = defineError('LIAISON_ERR_FAMILY_ONLY', 403, {
  fr: 'Seuls les responsables de l’élève peuvent confirmer la lecture ou répondre.',
  en: "Only the pupil's relatives may acknowledge or reply.",
});

/** Replies are closed on this word. */
export const RepliesClosed = defineError('LIAISON_ERR_REPLIES_CLOSED', 403, {
  fr: "Ce mot n'accepte pas de réponse.",
  en: 'This word does not accept replies.',
});

/** The class's notebook is paused (holidays). */
export const NotebookPaused = defineError('LIAISON_ERR_PAUSED', 403, (until: string | null) => ({
  fr: until ? `Le carnet de la classe est en pause jusqu'au ${until} : les réponses reprendront ensuite.` : 'Le carnet de la classe est en pause : les réponses reprendront ensuite.',
  en: until ? `The class notebook is paused until ${until}: replies will open again then.` : 'The class notebook is paused: replies will open again later.',
}));

/** A reply can be changed only by its author, for a while. */
export const ReplyLocked = defineError('LIAISON_ERR_REPLY_LOCKED', 403, (minutes: number) => ({
  fr: `Une réponse ne peut être modifiée que par son auteur, pendant ${minutes} minutes.`,
  en: `A reply can only be changed by its author, for ${minutes} minutes.`,
}));

/** The word has no question, or the choice is not one of its options, or the deadline passed. */
export const AnswerRefused = defineError('LIAISON_ERR_ANSWER', 400, (reason: string) => ({
  fr: `Réponse refusée : ${reason}.`,
  en: `Answer refused: ${reason}.`,
}));

/** One reminder per word per hour. */
export const ReminderTooSoon = defineError('LIAISON_ERR_REMINDER_TOO_SOON', 429, (minutes: number) => ({
  fr: `Un rappel a déjà été envoyé pour ce mot : le prochain est possible dans ${minutes} min.`,
  en: `A reminder was already sent for this word: the next one is possible in ${minutes} min.`,
}));

/** Scheduled words can't be reminded, tracked or printed as slips before they are sent. */
export const NotSentYet = defineError('LIAISON_ERR_NOT_SENT', 409, {
  fr: "Ce mot n'est pas encore envoyé.",
  en: 'This word has not been sent yet.',
});

/** A word's recipients are fixed once it is sent. */
export const AudienceFixed = defineError('LIAISON_ERR_AUDIENCE_FIXED', 409, {
  fr: "Le mot est déjà envoyé : ses destinataires ne peuvent plus changer. Copiez-le pour l'envoyer à une autre classe.",
  en: 'The word was already sent: its recipients cannot change. Copy it to send it to another class.',
});

/** An attachment that is not the author's own upload (or no longer exists). */
export const AttachmentRefused = defineError('LIAISON_ERR_ATTACHMENT', 403, {
  fr: "Une pièce jointe n'est pas un fichier que vous avez envoyé.",
  en: 'An attachment is not a file you uploaded.',
});
