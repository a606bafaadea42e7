import type { Profile } from './directory-profiles.js';

/** A person of `GET /api/core/directory/search`: someone the signed-in user may write to. */
export interface DirectoryPerson {
  id: number;
  displayName: string;
  profile: Profile;
  schoolIds: number[];
}

/** A group of `GET /api/core/directory/search`. */
export interface DirectoryGroup {
  id: number;
  name: string;
  kind: 'school' | 'class' | 'manual';
  schoolId: number;
  members: number;
}

/** The answer of `GET /api/core/directory/search`. */
export interface DirectoryHits {
  users: DirectoryPerson[];
  groups: DirectoryGroup[];
  /** Names of the hits' schools that are not the user's own (reached through a gateway). */
  otherSchools?: { id: number; name: string }[];
}

/** A person's card (`GET /api/core/directory/people/:userId`): email and mobile only when they chose to show them. */
export interface PersonCard {
  id: number;
  displayName: string;
  profile: Profile;
  schools: { id: number; name: string }[];
  classes: { id: number; label: string }[];
  email: string | null;
  mobile: string | null;
}

/** One child of a relative with the teachers of their class (`GET /api/core/directory/my-childrens-teachers`). */
export interface ChildTeachers {
  child: { id: number; displayName: string };
  classLabel: string;
  teachers: { id: number; displayName: string }[];
}
