import { administersSchool, type CurrentUser, type Knex, type PluginServices, type SchoolRef } from '@preau/sdk';
import { BadSlots, MeetingManagersOnly, MeetingNotFound } from './errors.js';
import { addWallMinutes, isWallTime, toWall, wallToInstant, type WallTime } from './paris-time.js';

type Services = Pick<PluginServices, 'db' | 'structure'>;

export interface RoundRow {
  id: number;
  school_id: number;
  class_id: number;
  teacher_id: number | null;
  title: string;
  place: string;
  duration_minutes: number;
  book_until: Date;
  reminded_at: Date | null;
}

/** What the teacher asks for: on these days, from one time to another, slots of this length. */
export interface SlotPlan {
  durationMinutes: number;
  days: { day: string; from: string; to: string }[];
}

export const MAX_SLOTS_PER_ROUND = 400;

/** The slots of a plan in Paris wall time, in order; refused when one is past, the list empty or too long. */
export function slotsOf(plan: SlotPlan, now: Date): WallTime[] {
  const starts = new Set<WallTime>();
  for (const { day, from, to } of plan.days) {
    const first = `${day}T${from}`;
    const end = `${day}T${to}`;
    if (!isWallTime(first) || !isWallTime(end) || end <= first) throw BadSlots(`le ${day}, la fin doit être après le début`);
    for (let start = first; addWallMinutes(start, plan.durationMinutes) <= end; start = addWallMinutes(start, plan.durationMinutes)) {
      starts.add(start);
      if (starts.size > MAX_SLOTS_PER_ROUND) throw BadSlots(`pas plus de ${MAX_SLOTS_PER_ROUND} créneaux à la fois`);
    }
  }
  const sorted = [...starts].sort();
  if (sorted.length === 0) throw BadSlots('aucun créneau ne tient dans ces horaires');
  if (sorted[0]! <= toWall(now)) throw BadSlots('un créneau est déjà passé');
  return sorted;
}

/** The rows of the slots of a round. */
export function slotRows(roundId: number, starts: readonly WallTime[], durationMinutes: number) {
  return starts.map((start) => ({
    round_id: roundId,
    start_wall: start,
    starts_at: wallToInstant(start),
    ends_at: wallToInstant(addWallMinutes(start, durationMinutes)),
  }));
}

/** Teachers and staff of the class, and the school's administrators, manage its meetings. */
export async function managesClass(services: Services, user: CurrentUser, schoolId: number, classId: number): Promise<boolean> {
  if (administersSchool(user, schoolId)) return true;
  if (user.profile !== 'Teacher' && user.profile !== 'Personnel') return false;
  return (await services.structure.staffOf([classId])).some((link) => link.user.id === user.id);
}

/** The children of a relative who are pupils of the class now. */
export async function childrenInClass(services: Services, user: CurrentUser, classId: number): Promise<{ id: number; displayName: string }[]> {
  if (user.profile !== 'Relative') return [];
  return (await services.structure.childrenOf(user.id)).filter((child) => child.classId === classId).map(({ id, displayName }) => ({ id, displayName }));
}

export interface RoundAccess {
  round: RoundRow;
  /** Manager: teacher of the class or administrator of the school. */
  manager: boolean;
  /** For a family: their children in the class (each books one slot). */
  children: { id: number; displayName: string }[];
}

const ROUND_COLUMNS = ['id', 'school_id', 'class_id', 'teacher_id', 'title', 'place', 'duration_minutes', 'book_until', 'reminded_at'] as const;

/** The round and what the user may do with it; 404 for anyone else, 403 when `manage` is needed and the user is a family. */
export async function roundFor(services: Services, user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: 'see' | 'manage', db: Knex = services.db): Promise<RoundAccess> {
  const round = (await db('meeting_rounds').where({ id }).first(...ROUND_COLUMNS)) as RoundRow | undefined;
  if (!round || !schools.some((s) => s.id === round.school_id)) throw MeetingNotFound();
  const manager = await managesClass(services, user, round.school_id, round.class_id);
  const children = manager ? [] : await childrenInClass(services, user, round.class_id);
  if (!manager && children.length === 0) throw MeetingNotFound();
  if (needed === 'manage' && !manager) throw MeetingManagersOnly();
  return { round, manager, children };
}

/** PostgreSQL's (and PGlite's) unique violation. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';
