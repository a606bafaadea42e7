import type { Profile } from './profiles.js';
import type { CurrentUser } from './services.js';

/** A person as apps show them ("MARTINEZ Isabelle"). */
export interface PersonRef {
  id: number;
  displayName: string;
  profile: Profile;
}

/** A class of the current school year. */
export interface SchoolClassRef {
  id: number;
  schoolId: number;
  label: string;
  /** The levels its pupils are in: a class may span CE1-CE2. */
  levels: string[];
}

/** A pupil of a class. */
export interface PupilRef extends PersonRef {
  classId: number;
}

/** A relative of a pupil. */
export interface RelativeLink {
  pupilId: number;
  relative: PersonRef;
}

/** A relative's child, with their class this year (null between two classes). */
export interface ChildLink extends PersonRef {
  classId: number | null;
  schoolId: number | null;
}

/** A teacher or staff member of a class. */
export interface ClassStaffLink {
  classId: number;
  user: PersonRef;
}

/** A group the structure derives: a school's or a class's people of one profile ("Parents — CM2"). */
export interface DerivedGroupRef {
  id: number;
  profile: Profile;
  name: string;
}

/**
 * The school structure as apps read it: people, classes of the current school year, pupils, their relatives
 * and class staff. Apps never query the core's tables: what they need of the structure is here, so the
 * core can change its schema without breaking them.
 */
export interface StructureService {
  /** These people (unknown ids left out), in the order of `ids`. */
  people(ids: readonly number[]): Promise<PersonRef[]>;
  /** These classes of any year (unknown ids left out). */
  classes(ids: readonly number[]): Promise<SchoolClassRef[]>;
  /** The classes of a school this year, by label. */
  classesOfSchool(schoolId: number): Promise<SchoolClassRef[]>;
  /** The classes `userId` is a member of this year (teacher, staff or pupil); for a relative, their children's. */
  classesOf(userId: number): Promise<SchoolClassRef[]>;
  /** The pupils of these classes who have not left, by name. */
  pupilsOf(classIds: readonly number[]): Promise<PupilRef[]>;
  /**
   * The pupils of these classes whose ONDE file says « Autorisation photo : Non » (droit à l'image), by name:
   * whom a text with pictures must not show. Pupils whose file does not say are left out. For staff only.
   */
  pupilsWithoutPhotoAuthorisation(classIds: readonly number[]): Promise<PupilRef[]>;
  /** The active relatives of these pupils, one row per (pupil, relative). */
  relativesOf(pupilIds: readonly number[]): Promise<RelativeLink[]>;
  /** The children of a relative who have not left, with their class this year. */
  childrenOf(relativeId: number): Promise<ChildLink[]>;
  /** Teachers and staff members (not pupils) of these classes. */
  staffOf(classIds: readonly number[]): Promise<ClassStaffLink[]>;
  /** The users in these groups now (each once). */
  groupMembers(groupIds: readonly number[]): Promise<number[]>;
  /**
   * The derived groups of a school (one per profile) or of a class (its teachers, pupils and parents), made
   * when missing: an app shares a class's resource with its parents by granting the group, whose members
   * follow the class as it changes.
   */
  derivedGroups(scope: { schoolId: number } | { classId: number }): Promise<DerivedGroupRef[]>;
  /**
   * The user as a signed-in request would see them (schools they have not left, functions), or null when they
   * are not active: for a route reached without a session, by a secret token (an iCal feed).
   */
  activeUser(userId: number): Promise<CurrentUser | null>;
  /** The groups `userId` belongs to now (school, class and manual groups), by id. */
  groupsOf(userId: number): Promise<number[]>;
  /** The people of a school who have not left, optionally only some profiles (a flash message's audience). */
  membersOf(schoolId: number, profiles?: readonly Profile[]): Promise<PersonRef[]>;
}
