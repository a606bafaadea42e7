import type { SchoolRef } from './services.js';

/**
 * What a dated item is, so that an app can act on another's dates without knowing it: the liaison notebook offers
 * to pause a class until the end of the next `school-holidays`, whichever app keeps them.
 */
export const DATED_ITEM_KINDS = ['due', 'deadline', 'school-holidays'] as const;
export type DatedItemKind = (typeof DATED_ITEM_KINDS)[number];

/**
 * Something of an app that has a date and belongs in a calendar beside its events: a homework's due date, a
 * question's deadline, the school holidays. Calendars show them without knowing the app
 * (`GET /api/core/dated-items`).
 */
export interface DatedItem {
  /** Unique within the app. */
  id: string;
  title: string;
  /** The Paris day it falls on, 'YYYY-MM-DD'. */
  day: string;
  /** Its Paris time 'HH:mm' when it has one (a deadline); absent for a whole day (a homework due). */
  time?: string;
  /** For a span of days (the holidays), its last day, included. */
  lastDay?: string;
  kind?: DatedItemKind;
  /** Where the app shows it (`/apps/textbook?…`). */
  url: string;
}

/** The days asked for (Paris days, both included) and the user's schools where the app is on. */
export interface DatedItemsWindow {
  from: string;
  to: string;
  schools: readonly SchoolRef[];
}
