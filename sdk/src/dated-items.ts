import type { SchoolRef } from './services.js';

/**
 * Something of an app that has a date and belongs in a calendar beside its events: a homework's due date, a
 * question's deadline. Calendars show them without knowing the app (`GET /api/core/dated-items`).
 */
export interface DatedItem {
  /** Unique within the app. */
  id: string;
  title: string;
  /** The Paris day it falls on, 'YYYY-MM-DD'. */
  day: string;
  /** Its Paris time 'HH:mm' when it has one (a deadline); absent for a whole day (a homework due). */
  time?: string;
  /** Where the app shows it (`/apps/textbook?…`). */
  url: string;
}

/** The days asked for (Paris days, both included) and the user's schools where the app is on. */
export interface DatedItemsWindow {
  from: string;
  to: string;
  schools: readonly SchoolRef[];
}
