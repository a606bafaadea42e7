import type { Static } from '@preau/sdk';
import type { ClassInfo, FamilyWord, Reply, StaffWord, Tracking } from '../src/schemas.js';

/** What the notebook's API answers, typed from the server's own schemas. */
export type StaffWordView = StaffWord;
export type FamilyWordView = FamilyWord;
export type ReplyView = Reply;
export type TrackingView = Static<typeof Tracking>;
export type ClassView = Static<typeof ClassInfo>;
export interface FamilyPage {
  words: FamilyWord[];
  next: string | null;
}
