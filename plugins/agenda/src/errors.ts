import { defineError } from '@preau/sdk';

/** No such calendar, or the user may not read it (the same answer: nothing leaks). */
export const CalendarNotFound = defineError('AGENDA_ERR_CALENDAR_NOT_FOUND', 404, {
  fr: "Cet agenda n'existe pas ou ne vous est pas partagé.",
  en: 'This calendar does not exist or is not shared with you.',
});

/** No such event, or it is in a calendar the user may not read. */
export const EventNotFound = defineError('AGENDA_ERR_EVENT_NOT_FOUND', 404, {
  fr: "Cet événement n'existe pas ou ne vous est pas visible.",
  en: 'This event does not exist or is not visible to you.',
});

/** The occurrence named is not one of the series'. */
export const OccurrenceNotFound = defineError('AGENDA_ERR_OCCURRENCE', 404, {
  fr: "Cette occurrence ne fait pas partie de l'événement répété.",
  en: 'This occurrence is not part of the repeating event.',
});

/** The user's role on the calendar does not allow what they asked. */
export const RoleTooLow = defineError('AGENDA_ERR_ROLE', 403, (action: string) => ({
  fr: `Votre rôle sur cet agenda ne permet pas de ${action}.`,
  en: `Your role on this calendar does not allow you to ${action}.`,
}));

/** The end is not after the start, or a date does not exist. */
export const BadDates = defineError('AGENDA_ERR_DATES', 400, {
  fr: 'Les dates sont incorrectes : la fin doit être après le début, et chaque date doit exister.',
  en: 'The dates are wrong: the end must be after the start, and each date must exist.',
});

/** A window of more than a year, or reversed. */
export const BadWindow = defineError('AGENDA_ERR_WINDOW', 400, {
  fr: "La période demandée est incorrecte : la fin doit suivre le début, d'au plus 400 jours.",
  en: 'The requested period is wrong: the end must follow the start, by at most 400 days.',
});

/** "This occurrence" or "this and the following" on an event that does not repeat. */
export const NotRecurring = defineError('AGENDA_ERR_NOT_RECURRING', 400, {
  fr: "Cet événement ne se répète pas : modifiez-le en entier.",
  en: 'This event does not repeat: change it as a whole.',
});

/** Only personal calendars are deleted or renamed by people; class and school ones follow the structure. */
export const CalendarFixed = defineError('AGENDA_ERR_CALENDAR_FIXED', 403, {
  fr: "L'agenda d'une classe ou de l'école ne peut être ni renommé ni supprimé.",
  en: "A class's or the school's calendar can be neither renamed nor deleted.",
});

/** An .ics file that cannot be read. */
export const BadIcsFile = defineError('AGENDA_ERR_ICS', 400, (reason: string) => ({
  fr: `Ce fichier d'agenda (.ics) ne peut pas être importé : ${reason}. Rien n'a été importé.`,
  en: `This calendar file (.ics) cannot be imported: ${reason}. Nothing was imported.`,
}), (reason: string) => ({ reason }));

/** An .ics file with too many events. */
export const TooManyEvents = defineError('AGENDA_ERR_ICS_TOO_MANY', 400, (max: number) => ({
  fr: `Ce fichier contient plus de ${max} événements : découpez-le avant de l'importer. Rien n'a été importé.`,
  en: `This file holds more than ${max} events: split it before importing it. Nothing was imported.`,
}), (max: number) => ({ max }));

/** No feed with this token (never made, or revoked). */
export const FeedNotFound = defineError('AGENDA_ERR_FEED_NOT_FOUND', 404, {
  fr: "Cette adresse d'abonnement n'existe pas ou a été révoquée.",
  en: 'This subscription address does not exist or was revoked.',
});

/** No such round of meetings, or the user is neither its class's teacher nor one of its families. */
export const MeetingNotFound = defineError('AGENDA_ERR_MEETING_NOT_FOUND', 404, {
  fr: "Ces rendez-vous n'existent pas ou ne vous concernent pas.",
  en: 'These meetings do not exist or do not concern you.',
});

/** Only the class's teachers and the school's administrators open and manage meetings. */
export const MeetingManagersOnly = defineError('AGENDA_ERR_MEETING_MANAGERS', 403, {
  fr: 'Seuls les enseignants de la classe et la direction gèrent ces rendez-vous.',
  en: "Only the class's teachers and the school's management manage these meetings.",
});

/** The slots asked for are not usable (in the past, too many, end before start). */
export const BadSlots = defineError('AGENDA_ERR_MEETING_SLOTS', 400, (reason: string) => ({
  fr: `Les créneaux ne conviennent pas : ${reason}.`,
  en: `The slots cannot be used: ${reason}.`,
}));

/** Another family booked the slot a moment before. */
export const SlotTaken = defineError('AGENDA_ERR_SLOT_TAKEN', 409, {
  fr: "Ce créneau vient d'être réservé par une autre famille : choisissez-en un autre.",
  en: 'Another family has just booked this slot: please choose another one.',
});

/** The other parent booked another slot for the same child at the same moment. */
export const FamilyAlreadyBooked = defineError('AGENDA_ERR_FAMILY_BOOKED', 409, {
  fr: 'Un autre créneau vient d’être réservé pour cet enfant : rechargez la page.',
  en: 'Another slot has just been booked for this child: reload the page.',
});

/** Past the deadline the teacher set, families no longer book, move or cancel. */
export const BookingClosed = defineError('AGENDA_ERR_BOOKING_CLOSED', 409, {
  fr: 'Les réservations sont closes : contactez l’enseignant pour changer de créneau.',
  en: 'Booking is closed: contact the teacher to change your slot.',
});

/** One reminder per round and hour. */
export const ReminderTooSoon = defineError('AGENDA_ERR_REMINDER_TOO_SOON', 429, (minutes: number) => ({
  fr: `Un rappel vient d'être envoyé : le prochain est possible dans ${minutes} min.`,
  en: `A reminder was just sent: the next one is possible in ${minutes} min.`,
}));

/** Only an academy administrator imports the holidays of a zone. */
export const AcademyAdminsOnly = defineError('AGENDA_ERR_ACADEMY_ONLY', 403, {
  fr: "Seul un administrateur de l'académie importe les vacances scolaires d'une zone.",
  en: 'Only an academy administrator imports the school holidays of a zone.',
});

/** A school's zone is its administrators' or the academy's to set. */
export const SchoolAdminsOnly = defineError('AGENDA_ERR_SCHOOL_ADMINS', 403, {
  fr: "Seuls la direction de l'école et l'administrateur de l'académie choisissent sa zone de vacances.",
  en: "Only the school's management and the academy administrator choose its holiday zone.",
});

/** The file holds no holiday (no all-day period). */
export const NoHolidays = defineError('AGENDA_ERR_NO_HOLIDAYS', 400, {
  fr: "Ce fichier ne contient aucune période de vacances : importez le calendrier scolaire officiel de la zone (.ics).",
  en: "This file holds no holiday period: import the zone's official school calendar (.ics).",
});
