import { defineTexts } from '@preau/sdk/web';

/** Every text of the app, in French and English. */
export const texts = defineTexts({
  myDocuments: { fr: 'Mes documents', en: 'My documents' },
  sharedWithMe: { fr: 'Partagé avec moi', en: 'Shared with me' },
  trash: { fr: 'Corbeille', en: 'Trash' },
  sections: { fr: 'Rubriques des documents', en: 'Document sections' },
  breadcrumb: { fr: "Fil d'Ariane", en: 'Breadcrumb' },
  search: { fr: 'Rechercher par nom', en: 'Search by name' },
  sortBy: { fr: 'Trier par', en: 'Sort by' },
  sortName: { fr: 'Nom', en: 'Name' },
  sortDate: { fr: 'Date', en: 'Date' },
  sortSize: { fr: 'Taille', en: 'Size' },
  ascending: { fr: 'croissant', en: 'ascending' },
  descending: { fr: 'décroissant', en: 'descending' },
  listView: { fr: 'Liste', en: 'List' },
  gridView: { fr: 'Vignettes', en: 'Grid' },
  newFolder: { fr: 'Nouveau dossier', en: 'New folder' },
  folderName: { fr: 'Nom du dossier', en: 'Folder name' },
  create: { fr: 'Créer', en: 'Create' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  addFiles: { fr: 'Ajouter des fichiers', en: 'Add files' },
  addFolder: { fr: 'Ajouter un dossier', en: 'Add a folder' },
  dropHere: { fr: 'Déposez ici des fichiers ou des dossiers', en: 'Drop files or folders here' },
  empty: { fr: 'Ce dossier est vide.', en: 'This folder is empty.' },
  nothingFound: { fr: 'Aucun document ne correspond.', en: 'No document matches.' },
  more: { fr: 'Afficher plus', en: 'Show more' },
  actionsFor: { fr: 'Actions pour « {name} »', en: 'Actions for "{name}"' },
  open: { fr: 'Ouvrir', en: 'Open' },
  download: { fr: 'Télécharger', en: 'Download' },
  downloadZip: { fr: 'Télécharger (ZIP)', en: 'Download (ZIP)' },
  rename: { fr: 'Renommer', en: 'Rename' },
  newName: { fr: 'Nouveau nom', en: 'New name' },
  move: { fr: 'Déplacer', en: 'Move' },
  copy: { fr: 'Copier', en: 'Copy' },
  delete: { fr: 'Mettre à la corbeille', en: 'Move to trash' },
  share: { fr: 'Partager', en: 'Share' },
  follow: { fr: 'Suivre ce dossier', en: 'Follow this folder' },
  unfollow: { fr: 'Ne plus suivre', en: 'Unfollow' },
  chooseFolder: { fr: 'Choisir le dossier de destination', en: 'Choose the destination folder' },
  here: { fr: 'Ici', en: 'Here' },
  uploads: { fr: 'Envois', en: 'Uploads' },
  overall: { fr: 'Progression totale', en: 'Overall progress' },
  cancelUploads: { fr: 'Annuler les envois', en: 'Cancel uploads' },
  uploadDone: { fr: 'envoyé', en: 'sent' },
  uploadFailed: { fr: 'échec', en: 'failed' },
  uploadCancelled: { fr: 'annulé', en: 'cancelled' },
  versions: { fr: 'Versions', en: 'Versions' },
  newVersion: { fr: 'Nouvelle version', en: 'New version' },
  current: { fr: 'actuelle', en: 'current' },
  restore: { fr: 'Restaurer', en: 'Restore' },
  versionBy: { fr: 'Version {number} — {author}, {date}', en: 'Version {number} — {author}, {date}' },
  noPreview: { fr: "Pas d'aperçu pour ce type de fichier.", en: 'No preview for this type of file.' },
  trashEmpty: { fr: 'La corbeille est vide.', en: 'The trash is empty.' },
  emptyTrash: { fr: 'Vider la corbeille', en: 'Empty the trash' },
  deleteForever: { fr: 'Supprimer définitivement', en: 'Delete for good' },
  purgeOn: { fr: 'supprimé définitivement le {date}', en: 'deleted for good on {date}' },
  confirmEmpty: { fr: 'Supprimer définitivement tout le contenu de la corbeille ?', en: 'Delete everything in the trash for good?' },
  sharedBy: { fr: 'Partagé par {name}', en: 'Shared by {name}' },
  nothingShared: { fr: "Personne ne vous a encore partagé de document.", en: 'Nobody has shared a document with you yet.' },
  roleRead: { fr: 'Lecture', en: 'Read' },
  roleContribute: { fr: 'Contribution', en: 'Contribute' },
  roleManage: { fr: 'Gestion', en: 'Manage' },
  roleOwner: { fr: 'Propriétaire', en: 'Owner' },
  folder: { fr: 'Dossier', en: 'Folder' },
  loading: { fr: 'Chargement…', en: 'Loading…' },
  insertDocument: { fr: 'Insérer un document ou une image', en: 'Insert a document or an image' },
  insert: { fr: 'Insérer', en: 'Insert' },
  uploadFromComputer: { fr: "Envoyer depuis l'ordinateur", en: 'Upload from the computer' },
  insertedFiles: { fr: 'Fichiers insérés', en: 'Inserted files' },
  altText: { fr: "Description de l'image (pour les personnes qui ne la voient pas)", en: 'Description of the image (for people who cannot see it)' },
  close: { fr: 'Fermer', en: 'Close' },
  extract: { fr: 'Extraire le ZIP ici', en: 'Extract the ZIP here' },
  extracting: { fr: 'Extraction de « {name} » en cours…', en: 'Extracting "{name}"…' },
  extracted: { fr: '« {name} » extrait : {files} fichiers.', en: '"{name}" extracted: {files} files.' },
  helpTitle: { fr: 'Comment utiliser « Documents »', en: 'How to use "Documents"' },
  helpMine: { fr: "Mes documents rassemble vos dossiers et fichiers : créez des dossiers, déposez-y des fichiers ou des dossiers entiers, triez, recherchez, renommez, déplacez, copiez.", en: 'My documents holds your folders and files: make folders, drop files or whole folders in them, sort, search, rename, move, copy.' },
  helpShare: { fr: 'Le bouton « Partager » donne à des personnes ou des groupes un rôle : lecture, contribution (ajouter des fichiers, des versions) ou gestion (partager, renommer, supprimer). Tout ce qui est dans un dossier partagé l’est aussi.', en: 'The "Share" button gives people or groups a role: read, contribute (add files, versions) or manage (share, rename, delete). Everything inside a shared folder is shared too.' },
  helpVersions: { fr: 'Envoyer un fichier du même nom dans le même dossier crée une nouvelle version ; les anciennes restent disponibles. La corbeille garde ce que vous supprimez 30 jours.', en: 'Sending a file with the same name into the same folder makes a new version; earlier ones stay available. The trash keeps what you delete for 30 days.' },
});

export type TextKey = keyof typeof texts.texts;

/** A size as people read it: « 1,2 Mo ». */
export function formatSize(bytes: number, language: 'fr' | 'en'): string {
  const units = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
