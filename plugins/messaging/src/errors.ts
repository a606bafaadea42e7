import { defineError } from '@preau/sdk';

/** No such message for this user (someone else's, or deleted): never tells which. */
export const MessageNotFound = defineError('MESSAGING_ERR_NOT_FOUND', 404, { fr: 'Message introuvable.', en: 'Message not found.' });
/** No such folder of this user. */
export const FolderNotFound = defineError('MESSAGING_ERR_FOLDER_NOT_FOUND', 404, { fr: 'Dossier introuvable.', en: 'Folder not found.' });
/** The communication rules do not let the author write to some recipients. */
export const RecipientsRefused = defineError(
  'MESSAGING_ERR_RECIPIENTS_REFUSED',
  403,
  (refused: { users: number[]; groups: number[] }) => ({
    fr: `Vous ne pouvez pas écrire à ${refused.users.length + refused.groups.length} des destinataires choisis : les règles de communication de votre école ne vous le permettent pas (ou plus, par exemple si une passerelle entre deux écoles a été fermée).`,
    en: `You may not write to ${refused.users.length + refused.groups.length} of the chosen recipients: your school's communication rules do not (or no longer, for example after a gateway between two schools was closed) allow it.`,
  }),
  (refused: { users: number[]; groups: number[] }) => ({ refused }),
);
/** A message needs at least one recipient. */
export const NoRecipient = defineError('MESSAGING_ERR_NO_RECIPIENT', 400, { fr: 'Ajoutez au moins un destinataire.', en: 'Add at least one recipient.' });
/** The message being answered asked for no reply. */
export const NoReplyAllowed = defineError('MESSAGING_ERR_NO_REPLY', 403, { fr: 'Ce message n’accepte pas de réponse.', en: 'This message does not accept replies.' });
/** Recall is for teachers and personnel, within 60 minutes of sending. */
export const RecallRefused = defineError('MESSAGING_ERR_RECALL', 403, (reason: 'profile' | 'late' | 'state') => ({
  fr: reason === 'profile' ? 'Seuls les enseignants et les personnels peuvent rappeler un message.' : reason === 'late' ? 'Un message ne peut être rappelé que dans l’heure qui suit son envoi.' : 'Ce message ne peut pas être rappelé.',
  en: reason === 'profile' ? 'Only teachers and personnel may recall a message.' : reason === 'late' ? 'A message can only be recalled within an hour of sending.' : 'This message cannot be recalled.',
}));
/** Folders nest at most three levels deep, and never inside themselves. */
export const FolderTooDeep = defineError('MESSAGING_ERR_FOLDER_DEPTH', 400, { fr: 'Les dossiers s’imbriquent sur trois niveaux au plus.', en: 'Folders nest at most three levels deep.' });
/** An attachment that is neither the author's upload nor an attachment of a message they can read. */
export const AttachmentRefused = defineError('MESSAGING_ERR_ATTACHMENT', 403, { fr: 'Pièce jointe non autorisée.', en: 'Attachment not allowed.' });
/** Only a draft can be edited or sent. */
export const NotADraft = defineError('MESSAGING_ERR_NOT_DRAFT', 409, { fr: 'Ce message n’est plus un brouillon.', en: 'This message is no longer a draft.' });
/** Only a teacher of the pupil's class (or the school's director) moderates. */
export const NotModerator = defineError('MESSAGING_ERR_NOT_MODERATOR', 403, { fr: 'Vous ne modérez pas les messages de cet élève.', en: 'You do not moderate this pupil’s messages.' });
/** A scheduled sending date in the past or too far ahead. */
export const ScheduleInvalid = defineError('MESSAGING_ERR_SCHEDULE', 400, { fr: 'La date d’envoi doit être dans le futur (un an au plus).', en: 'The sending date must be in the future (one year at most).' });
