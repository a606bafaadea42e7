/**
 * The coded errors that stop an ONDE import before anything is previewed. They are written for a school
 * director: they name the file as ONDE's own menus do and say what to download again. Row-level problems
 * are not errors: they are reported in the preview (`ImportProblem`) and the rest of the file goes on.
 */
import { defineError } from '@preau/sdk';

/** Which of the two ONDE extractions a file was given as. */
export type OndeFileKind = 'pupils' | 'guardians';

const FILE_FR: Record<OndeFileKind, string> = {
  pupils: 'fichier des élèves',
  guardians: 'fichier des responsables',
};
const FILE_EN: Record<OndeFileKind, string> = { pupils: 'pupils file', guardians: 'guardians file' };
const EXTRACTION_FR: Record<OndeFileKind, string> = { pupils: 'Élèves', guardians: 'Responsables' };

/** The French name of a file kind, as the messages and the preview write it (« fichier des élèves »). */
export function ondeFileName(file: OndeFileKind): string {
  return FILE_FR[file];
}

const HOW_TO_EXPORT = (file: OndeFileKind): string =>
  `Dans ONDE, ouvrez « Listes & documents › Extractions », choisissez la catégorie « ${EXTRACTION_FR[file]} » ` +
  `puis « Extraction format CSV », et déposez le fichier obtenu sans le modifier.`;

/** The file has no bytes, or a header and no pupil or guardian under it. */
export const OndeFileEmpty = defineError(
  'PREAU_ERR_ONDE_FILE_EMPTY',
  422,
  (file: OndeFileKind) => ({
    fr: `Le ${FILE_FR[file]} est vide : il ne contient aucune ligne à importer. ${HOW_TO_EXPORT(file)}`,
    en: `The ${FILE_EN[file]} is empty: it has no row to import.`,
  }),
  (file: OndeFileKind) => ({ file }),
);

/** The file is not text: most often a spreadsheet (.xlsx, .ods) or a PDF given instead of the CSV. */
export const OndeFileBinary = defineError(
  'PREAU_ERR_ONDE_FILE_BINARY',
  422,
  (file: OndeFileKind) => ({
    fr:
      `Le ${FILE_FR[file]} n'est pas un fichier CSV (c'est peut-être un classeur Excel ou un PDF). ` +
      HOW_TO_EXPORT(file),
    en: `The ${FILE_EN[file]} is not a CSV file (it may be a spreadsheet or a PDF).`,
  }),
  (file: OndeFileKind) => ({ file }),
);

/** The file is larger than the import accepts; an ONDE export of even a large school is far smaller. */
export const OndeFileTooLarge = defineError(
  'PREAU_ERR_ONDE_FILE_TOO_LARGE',
  413,
  (file: OndeFileKind, limitMb: number) => ({
    fr:
      `Le ${FILE_FR[file]} dépasse la taille maximale de ${formatMb(limitMb, 'fr')} Mo. ` +
      `Vérifiez qu'il s'agit bien de l'extraction ONDE de votre école.`,
    en: `The ${FILE_EN[file]} is larger than the ${formatMb(limitMb, 'en')} MB limit.`,
  }),
  (file: OndeFileKind, limitMb: number) => ({ file, limitMb }),
);

/** A column the import cannot do without is absent from the header row. */
export const OndeColumnMissing = defineError(
  'PREAU_ERR_ONDE_COLUMN_MISSING',
  422,
  (file: OndeFileKind, column: string) => ({
    fr:
      `Il manque la colonne « ${column} » dans le ${FILE_FR[file]}. ` +
      `Le fichier a peut-être été modifié dans un tableur : ${HOW_TO_EXPORT(file)}`,
    en: `The ${FILE_EN[file]} has no "${column}" column.`,
  }),
  (file: OndeFileKind, column: string) => ({ file, column }),
);

/** The pupils file looks like the guardians extraction, or the other way round. */
export const OndeFilesSwapped = defineError(
  'PREAU_ERR_ONDE_FILES_SWAPPED',
  422,
  {
    fr:
      'Les deux fichiers semblent inversés : le fichier déposé comme « fichier des élèves » contient ' +
      'des responsables, ou l\'inverse. Les deux extractions ONDE portent le même nom (CSVExtraction.csv) : ' +
      'déposez l\'extraction « Élèves » comme fichier des élèves et l\'extraction « Responsables » ' +
      'comme fichier des responsables.',
    en:
      'The two files seem swapped: the pupils file holds guardians, or the other way round. ' +
      'Both ONDE extractions are named CSVExtraction.csv.',
  },
);

/** A CSV file with none of the columns of an ONDE extraction. */
export const OndeNotOnde = defineError(
  'PREAU_ERR_ONDE_NOT_ONDE',
  422,
  (file: OndeFileKind) => ({
    fr: `Le ${FILE_FR[file]} ne ressemble pas à une extraction ONDE : aucune colonne attendue n'y figure. ${HOW_TO_EXPORT(file)}`,
    en: `The ${FILE_EN[file]} does not look like an ONDE extraction: none of the expected columns is there.`,
  }),
  (file: OndeFileKind) => ({ file }),
);

/** Megabytes written for people: whole numbers as such, small limits with the digits that matter. */
function formatMb(limitMb: number, locale: 'fr' | 'en'): string {
  const rounded = limitMb >= 10 ? Math.round(limitMb) : Number(limitMb.toPrecision(2));
  return rounded.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');
}
