import type { PluginServices } from './services.js';

/** A stored file to put in a person's own space, in a folder at its top (made when missing). */
export interface PersonalFileInput {
  /** The person whose space it goes in; the blob must be theirs (their quota already counts it). */
  ownerId: number;
  /** The folder's name at the top of their space, as they will see it: `Enregistrements`. */
  folder: string;
  /** A blob of the core's file store, owned by `ownerId`. */
  blobId: string;
}

/**
 * The app that keeps people's own files (Documents) declares it in its manifest (`personalFiles`): other apps
 * then file what a person made into a folder of that person's space (the media app's recordings into
 * « Enregistrements ») without knowing the app. One app at most declares it; the core calls it with its own services.
 */
export interface PersonalFilesDeclaration {
  /** Puts the blob in `folder` at the top of `ownerId`'s space, in one transaction of the app. */
  file(input: PersonalFileInput, services: PluginServices): Promise<void>;
}

/**
 * Filing into people's own space (`services.personalFiles`), through the app that declares `personalFiles`.
 *
 * @example
 * await services.personalFiles.file({ ownerId: recording.owner_id, folder: 'Enregistrements', blobId });
 */
export interface PersonalFilesService {
  /**
   * Files the blob through the app that keeps personal files; false, doing nothing, when no app declares it,
   * when it is off in every school of the owner today, or when the blob is not the owner's. Outside any transaction.
   */
  file(input: PersonalFileInput): Promise<boolean>;
}
