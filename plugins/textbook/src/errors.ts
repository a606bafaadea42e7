import { defineError } from '@preau/sdk';

/** The class does not exist, or its cahier is not the user's to read (the same answer: nobody learns what exists). */
export const ClassNotFound = defineError('TEXTBOOK_ERR_CLASS_NOT_FOUND', 404, {
  fr: "Ce cahier de textes n'existe pas ou ne vous est pas ouvert.",
  en: 'This textbook does not exist or is not open to you.',
});

/** The entry does not exist, or the user may not see it. */
export const EntryNotFound = defineError('TEXTBOOK_ERR_ENTRY_NOT_FOUND', 404, {
  fr: "Cette séance ou ce travail n'existe pas ou ne vous est pas adressé.",
  en: 'This session or homework does not exist or is not addressed to you.',
});

/** Reading the class's cahier is allowed, writing in it is not (the director, an inspector, another teacher). */
export const NotTheClassTeacher = defineError('TEXTBOOK_ERR_NOT_CLASS_TEACHER', 403, {
  fr: 'Seuls les enseignants de la classe (et le remplaçant désigné par la direction) écrivent dans son cahier de textes.',
  en: "Only the class's teachers (and the replacement named by the head) write in its textbook.",
});

/** Last year's cahiers are kept as the archive, read-only. */
export const ArchiveReadOnly = defineError('TEXTBOOK_ERR_ARCHIVE', 409, {
  fr: "Ce cahier appartient à une année scolaire passée : il se consulte mais ne se modifie plus. Copiez une séance vers votre classe de cette année pour la réutiliser.",
  en: "This textbook belongs to a past school year: it can be read but no longer changed. Copy an entry to this year's class to reuse it.",
});

/** An entry written before the latest visa is locked. */
export const EntryLocked = defineError('TEXTBOOK_ERR_LOCKED', 409, (date: string) => ({
  fr: `Ce cahier a été visé le ${date} : ce qui a été écrit avant ne se modifie plus.`,
  en: `This textbook was signed on ${date}: what was written before can no longer be changed.`,
}));

/** Dates that do not fit together. */
export const DatesInvalid = defineError('TEXTBOOK_ERR_DATES', 400, (reason: { fr: string; en: string }) => reason);

/** Chosen pupils that are not pupils of the class. */
export const PupilsNotInClass = defineError('TEXTBOOK_ERR_PUPILS', 400, (ids: string) => ({
  fr: `Ces élèves ne sont pas dans la classe : ${ids}.`,
  en: `These pupils are not in the class: ${ids}.`,
}));

/** A pupil who is not the user (or one of their children). */
export const ChildNotAllowed = defineError('TEXTBOOK_ERR_CHILD', 403, {
  fr: 'Vous ne pouvez consulter et cocher que votre propre travail ou celui de vos enfants.',
  en: 'You may only read and tick your own homework or your children’s.',
});

/** The school has not given this profile the "Fait" tick (pupils or parents, as the school chooses). */
export const TickNotAllowed = defineError('TEXTBOOK_ERR_TICK', 403, {
  fr: "Votre école n'a pas ouvert la case « Fait » à votre profil.",
  en: 'Your school has not opened the "Done" tick to your profile.',
});

/** Only the direction adds a replacement teacher, and only a teacher of the school. */
export const ReplacementRefused = defineError('TEXTBOOK_ERR_REPLACEMENT', 403, {
  fr: "Seule la direction de l'école désigne un remplaçant, parmi les enseignants de l'école.",
  en: "Only the school's head names a replacement, among the school's teachers.",
});

/** The visa is the director's (or an inspector's). */
export const VisaRefused = defineError('TEXTBOOK_ERR_VISA', 403, {
  fr: "Seuls la direction de l'école et les inspecteurs visent un cahier de textes.",
  en: "Only the school's head and inspectors sign a textbook.",
});

/** The range of a listing or an export is too long. */
export const RangeTooLong = defineError('TEXTBOOK_ERR_RANGE', 400, (days: number) => ({
  fr: `La période demandée est trop longue : ${days} jours au plus.`,
  en: `The period asked for is too long: ${days} days at most.`,
}));

/** A subject the school's list does not offer (or hides): teachers pick from the list the direction keeps. */
export const SubjectNotOffered = defineError('TEXTBOOK_ERR_SUBJECT', 400, (subject: string) => ({
  fr: `La matière « ${subject} » ne figure pas dans la liste de l'école : choisissez-en une de la liste, ou demandez à la direction de l'ajouter.`,
  en: `The subject "${subject}" is not on the school's list: pick one from the list, or ask the head to add it.`,
}));

/** A subject list that cannot be saved (a name twice, nothing shown, a subject of another school). */
export const SubjectsInvalid = defineError('TEXTBOOK_ERR_SUBJECTS', 400, (reason: { fr: string; en: string }) => reason);

/** The school's settings of the cahier (its subjects) are its director's and local administrators'. */
export const SchoolAdminsOnly = defineError('TEXTBOOK_ERR_SCHOOL_ADMIN', 403, {
  fr: "Seules la direction et les administrateurs de l'école modifient ces réglages du cahier de textes.",
  en: "Only the school's head and administrators change these textbook settings.",
});

/** A school that is not the user's (or where the app is off for them), or whose settings are not theirs to read. */
export const SchoolNotFound = defineError('TEXTBOOK_ERR_SCHOOL_NOT_FOUND', 404, {
  fr: "Cette école n'existe pas ou son cahier de textes ne vous est pas ouvert.",
  en: 'This school does not exist or its textbook is not open to you.',
});
