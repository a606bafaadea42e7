import { defineError } from '@preau/sdk';

/** No such file or folder, or the user has no role on it: the same answer, so that nothing leaks. */
export const NodeNotFound = defineError('DOCUMENTS_ERR_NOT_FOUND', 404, {
  fr: "Ce document n'existe pas ou ne vous est pas partagé.",
  en: 'This document does not exist or is not shared with you.',
});

/** The user's role on the document does not allow the action. */
export const RoleTooLow = defineError('DOCUMENTS_ERR_ROLE', 403, (action: string) => ({
  fr: `Votre rôle sur ce document ne permet pas de ${action}.`,
  en: `Your role on this document does not allow you to ${action}.`,
}));

/** A folder moved into itself or one of its subfolders. */
export const MoveIntoItself = defineError('DOCUMENTS_ERR_MOVE_INTO_ITSELF', 400, {
  fr: 'Un dossier ne peut pas être déplacé dans lui-même ni dans un de ses sous-dossiers.',
  en: 'A folder cannot be moved into itself or one of its subfolders.',
});

/** The target of an upload, a move or a copy is a file, not a folder. */
export const NotAFolder = defineError('DOCUMENTS_ERR_NOT_A_FOLDER', 400, {
  fr: "La destination n'est pas un dossier.",
  en: 'The destination is not a folder.',
});

/** A version, thumbnail or preview asked of a folder. */
export const NotAFile = defineError('DOCUMENTS_ERR_NOT_A_FILE', 400, {
  fr: "Ce document est un dossier, pas un fichier.",
  en: 'This document is a folder, not a file.',
});

/** No such version of this file. */
export const VersionNotFound = defineError('DOCUMENTS_ERR_VERSION_NOT_FOUND', 404, {
  fr: "Cette version du fichier n'existe pas.",
  en: 'This version of the file does not exist.',
});

/** A name made only of dots, slashes or spaces. */
export const BadName = defineError('DOCUMENTS_ERR_NAME', 400, {
  fr: 'Ce nom ne convient pas : choisissez un nom sans « / » ni « \\ », qui ne soit pas fait que de points.',
  en: 'This name does not suit: choose one without "/" or "\\", not only dots.',
});

/** A folder too deep to copy or zip at once. */
export const TooMany = defineError('DOCUMENTS_ERR_TOO_MANY', 400, (limit: number) => ({
  fr: `Ce dossier contient trop d'éléments (plus de ${limit}) pour le faire en une fois.`,
  en: `This folder holds too many items (over ${limit}) to do it at once.`,
}));

/** Nothing in the trash with this id for this user. */
export const NotInTrash = defineError('DOCUMENTS_ERR_NOT_IN_TRASH', 404, {
  fr: "Cet élément n'est pas dans votre corbeille.",
  en: 'This item is not in your trash.',
});

/** The upload's field `paths` is not a list of relative folder paths. */
export const BadPaths = defineError('DOCUMENTS_ERR_PATHS', 400, {
  fr: 'Les chemins des fichiers envoyés sont incorrects.',
  en: 'The paths of the uploaded files are wrong.',
});

/** A new version of a file sent with several files. */
export const OneFileOnly = defineError('DOCUMENTS_ERR_ONE_FILE', 400, {
  fr: 'Envoyez un seul fichier pour une nouvelle version.',
  en: 'Send one file for a new version.',
});

/** A thumbnail asked of a file that is not an image. */
export const NoThumbnail = defineError('DOCUMENTS_ERR_NO_THUMBNAIL', 404, {
  fr: "Ce fichier n'a pas de vignette.",
  en: 'This file has no thumbnail.',
});
