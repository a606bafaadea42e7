import { defineError } from '@preau/sdk';

/** The school is not one of the user's schools where the app is on. */
export const SchoolNotAllowed = defineError('NEWS_ERR_SCHOOL', 403, {
  fr: "Vous n'avez pas accès aux actualités de cette école.",
  en: "You have no access to this school's news.",
});

/** No such thread, or the user is not among those it is shared with (the same answer: nothing leaks). */
export const ThreadNotFound = defineError('NEWS_ERR_THREAD_NOT_FOUND', 404, {
  fr: "Ce fil d'info n'existe pas ou ne vous est pas partagé.",
  en: 'This news thread does not exist or is not shared with you.',
});

/** No such item, or the user may not see it. */
export const ItemNotFound = defineError('NEWS_ERR_ITEM_NOT_FOUND', 404, {
  fr: "Cette actualité n'existe pas ou ne vous est pas visible.",
  en: 'This news item does not exist or is not visible to you.',
});

/** The user's role on the thread does not allow what they asked. */
export const RoleTooLow = defineError('NEWS_ERR_ROLE', 403, (action: string) => ({
  fr: `Votre rôle dans ce fil ne permet pas de ${action}.`,
  en: `Your role in this thread does not allow you to ${action}.`,
}));

/** Creating threads is for the school's administrators, and teachers when they were given the right. */
export const CannotCreateThreads = defineError('NEWS_ERR_CREATE_THREADS', 403, {
  fr: "Vous ne pouvez pas créer de fil d'info dans cette école.",
  en: 'You may not create news threads in this school.',
});

/** A thread shared with a group of another school or that the user may not address. */
export const GroupNotAllowed = defineError('NEWS_ERR_GROUP', 400, (groupId: number) => ({
  fr: `Le groupe ${groupId} n'est pas un groupe de l'école que vous pouvez choisir.`,
  en: `Group ${groupId} is not a group of the school you may choose.`,
}), (groupId: number) => ({ groupId }));

/** The item's status does not allow this change (a published item cannot be submitted again). */
export const WrongStatus = defineError('NEWS_ERR_STATUS', 409, (status: string) => ({
  fr: `Impossible dans l'état actuel de l'actualité (${status}).`,
  en: `Not possible in the item's current status (${status}).`,
}));

/** Dates in the wrong order. */
export const BadDates = defineError('NEWS_ERR_DATES', 400, {
  fr: 'La date de fin doit être après la date de début.',
  en: 'The end date must be after the start date.',
});

/** Comments are off in this thread. */
export const CommentsOff = defineError('NEWS_ERR_COMMENTS_OFF', 403, {
  fr: 'Les commentaires sont fermés dans ce fil.',
  en: 'Comments are closed in this thread.',
});

/** The comment is not the user's, and they do not publish in the thread. */
export const CommentNotFound = defineError('NEWS_ERR_COMMENT_NOT_FOUND', 404, {
  fr: "Ce commentaire n'existe pas ou ne vous appartient pas.",
  en: 'This comment does not exist or is not yours.',
});

/** Flash messages are written by directors and administrators only. */
export const CannotWriteFlash = defineError('NEWS_ERR_FLASH_FORBIDDEN', 403, {
  fr: 'Seuls la direction et les administrateurs peuvent écrire un message flash pour cette école.',
  en: 'Only directors and administrators may write a flash message for this school.',
});

/** No such flash message for this user. */
export const FlashNotFound = defineError('NEWS_ERR_FLASH_NOT_FOUND', 404, {
  fr: "Ce message flash n'existe pas ou ne vous est pas destiné.",
  en: 'This flash message does not exist or is not for you.',
});

/** A class of another school in a flash message's targets. */
export const ClassNotAllowed = defineError('NEWS_ERR_CLASS', 400, (classId: number) => ({
  fr: `La classe ${classId} n'est pas une classe des écoles choisies.`,
  en: `Class ${classId} is not a class of the chosen schools.`,
}), (classId: number) => ({ classId }));

/** An attachment that is neither a file the writer uploaded nor one the item already has. */
export const AttachmentRefused = defineError('NEWS_ERR_ATTACHMENT', 403, {
  fr: "Une pièce jointe n'est pas un fichier que vous avez envoyé.",
  en: 'An attachment is not a file you uploaded.',
});

/** Uploading files needs a thread to write in. */
export const CannotUpload = defineError('NEWS_ERR_UPLOAD', 403, {
  fr: "Vous n'écrivez dans aucun fil d'info : vous ne pouvez pas y joindre de fichier.",
  en: 'You write in no news thread: you cannot attach files to one.',
});
