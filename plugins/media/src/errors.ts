import { defineError } from '@preau/sdk';

/** No such recording, or it is someone else's: the same answer, so that nothing leaks. */
export const RecordingNotFound = defineError('MEDIA_ERR_NOT_FOUND', 404, {
  fr: "Cet enregistrement n'existe pas.",
  en: 'This recording does not exist.',
});

/** A chunk sent at another offset than the one the server has reached (a resumed upload must ask first). */
export const WrongOffset = defineError('MEDIA_ERR_OFFSET', 409, (offset: number) => ({
  fr: `L'envoi doit reprendre à l'octet ${offset}.`,
  en: `The upload must resume at byte ${offset}.`,
}), (offset: number) => ({ offset }));

/** A chunk sent to a recording whose upload is over. */
export const UploadDone = defineError('MEDIA_ERR_UPLOAD_DONE', 409, {
  fr: 'Cet enregistrement est déjà envoyé en entier.',
  en: 'This recording has already been uploaded in full.',
});

/** A chunk that is empty, too big, or goes past the size announced. */
export const BadChunk = defineError('MEDIA_ERR_CHUNK', 400, (max: number) => ({
  fr: `Ce morceau de l'envoi ne convient pas : il doit faire entre 1 octet et ${Math.round(max / 1024 / 1024)} Mo, sans dépasser la taille annoncée.`,
  en: `This chunk of the upload does not suit: it must be 1 byte to ${Math.round(max / 1024 / 1024)} MB, within the size announced.`,
}));

/** The file is larger than the platform accepts, or than what is left of the person's quota. */
export const TooLarge = defineError('MEDIA_ERR_TOO_LARGE', 413, {
  fr: "Cet enregistrement est trop volumineux pour votre espace de stockage.",
  en: 'This recording is too large for your storage space.',
});

/** The bytes are not sound nor video (another file renamed .webm), detected from the bytes. */
export const NotMedia = defineError('MEDIA_ERR_NOT_MEDIA', 400, {
  fr: "Ce fichier n'est pas un enregistrement son ou vidéo.",
  en: 'This file is not a sound or video recording.',
});

/** A trim whose end is not after its start. */
export const BadTrim = defineError('MEDIA_ERR_TRIM', 400, {
  fr: 'La fin du passage gardé doit venir après son début.',
  en: 'The end of the kept part must come after its start.',
});

/** No such book, or one the user does not read: the same answer, so that nothing leaks. */
export const BookNotFound = defineError('MEDIA_ERR_BOOK_NOT_FOUND', 404, {
  fr: "Ce cahier multimédia n'existe pas.",
  en: 'This multimedia book does not exist.',
});

/** No such page, or one the user does not see (a pupil's page waiting, for another reader). */
export const PageNotFound = defineError('MEDIA_ERR_PAGE_NOT_FOUND', 404, {
  fr: "Cette page n'existe pas.",
  en: 'This page does not exist.',
});

/** The user reads the book but their role does not allow this action. */
export const BookRoleTooLow = defineError('MEDIA_ERR_BOOK_ROLE', 403, (action: string) => ({
  fr: `Votre rôle sur ce cahier ne permet pas de ${action}.`,
  en: `Your role on this book does not allow you to ${action}.`,
}));

/** Only a class's teachers make its book. */
export const CannotCreateBook = defineError('MEDIA_ERR_BOOK_CREATE', 403, {
  fr: 'Seuls les enseignants de la classe peuvent créer son cahier multimédia.',
  en: "Only the class's teachers can create its multimedia book.",
});

/** A page whose files do not match its template (two pictures for « deux images », a video for « vidéo et texte »…). */
export const BadLayout = defineError('MEDIA_ERR_PAGE_LAYOUT', 400, (expected: string) => ({
  fr: `Cette mise en page demande ${expected}.`,
  en: `This layout needs ${expected}.`,
}));

/** A file that is not of the kind its place asks for (a PDF as a picture, a picture as the sound). */
export const WrongFileKind = defineError('MEDIA_ERR_FILE_KIND', 400, (place: string) => ({
  fr: `Ce fichier ne convient pas comme ${place}.`,
  en: `This file does not suit as the ${place}.`,
}));

/** A new order that leaves out a page, or names one of another book. */
export const BadOrder = defineError('MEDIA_ERR_PAGE_ORDER', 400, {
  fr: 'Le nouvel ordre doit citer chaque page du cahier une fois.',
  en: "The new order must name each of the book's pages once.",
});

/** Publishing a page that does not wait. */
export const PageNotWaiting = defineError('MEDIA_ERR_PAGE_NOT_WAITING', 409, {
  fr: "Cette page n'attend pas de validation.",
  en: 'This page is not waiting for validation.',
});
