// What the agenda's API answers, as the browser reads it (see src/schemas.ts).

export type Role = 'read' | 'contribute' | 'manage' | 'owner';
const ROLES: Role[] = ['read', 'contribute', 'manage', 'owner'];

/** True when `role` includes `needed`. */
export const roleIncludes = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

export interface Calendar {
  id: number;
  schoolId: number;
  kind: 'class' | 'school' | 'personal';
  classId: number | null;
  name: string;
  color: string;
  role: Role;
}

export interface Recurrence {
  frequency: 'daily' | 'weekly' | 'monthly' | 'yearly';
  interval: number;
  weekdays?: string[];
  until?: string;
  count?: number;
}

export interface Occurrence {
  id: string;
  eventId: number;
  calendarId: number;
  title: string;
  description: string;
  place: string;
  allDay: boolean;
  /** Paris wall time 'YYYY-MM-DDTHH:mm', or a day for an all-day event. */
  start: string;
  /** Exclusive end (wall time), or the last day of an all-day event. */
  end: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  occurrence: string | null;
  seriesId: number | null;
  reminderMinutes: number | null;
  canEdit: boolean;
}

export type View = 'month' | 'week' | 'day' | 'list';

/** A round of parent–teacher meetings (`GET /api/agenda/meetings`). */
export interface MeetingRound {
  id: number;
  classId: number;
  classLabel: string;
  title: string;
  place: string;
  durationMinutes: number;
  bookUntil: string;
  open: boolean;
  manager: boolean;
  firstSlot: string | null;
  lastSlot: string | null;
  slots: number;
  booked: number;
  children: { id: number; displayName: string; slot: string | null }[];
}

export interface MeetingSlot {
  id: number;
  start: string;
  end: string;
  startsAt: string;
  booked: boolean;
  pupil: { id: number; displayName: string } | null;
  bookedBy: string | null;
}

export interface MeetingRoundDetail extends MeetingRound {
  slotList: MeetingSlot[];
  notBooked: { id: number; displayName: string }[];
}
