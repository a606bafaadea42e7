import type { PROFILES } from '@preau/sdk/web';

/** The news API's answers, as the web side reads them. */
export type Role = 'read' | 'contribute' | 'publish' | 'manage';
export interface Thread {
  id: number;
  schoolId: number;
  title: string;
  commentsEnabled: boolean;
  role: Role;
  shares?: { groupId: number; groupName: string; role: Role }[];
}
export interface Item {
  id: number;
  threadId: number;
  threadTitle: string;
  schoolId: number;
  title: string;
  body: string;
  status: 'draft' | 'submitted' | 'published' | 'expired' | 'trashed';
  publishAt: string | null;
  expiresAt: string | null;
  headline: boolean;
  author: { id: number; displayName: string } | null;
  createdAt: string;
  attachments: Attachment[];
}
/** A file or an image of an item. */
export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}
export interface Flash {
  id: number;
  title: string;
  body: string;
  colour: 'info' | 'warning' | 'urgent';
  signature: string;
  startsAt: string;
  endsAt: string;
}
export interface AuthoredFlash extends Flash {
  schoolIds: number[];
  profiles: string[];
  classIds: number[];
  notify: boolean;
  read: number;
  targeted: number;
}
export interface Capabilities {
  createThreads: number[];
  writeFlash: number[];
  administer: number[];
}

const ORDER: Role[] = ['read', 'contribute', 'publish', 'manage'];
/** True when `role` includes `needed`. */
export const roleIncludes = (role: Role, needed: Role): boolean => ORDER.indexOf(role) >= ORDER.indexOf(needed);

/** A date and time as schools write it, in Europe/Paris. */
export function formatDateTime(value: string, language: 'fr' | 'en'): string {
  return new Date(value).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
}

/** The value of a `datetime-local` input (Paris time in the browser's zone is the school's) as ISO. */
export const fromLocalInput = (value: string): string | null => (value ? new Date(value).toISOString() : null);
/** An instant as a `datetime-local` input's value, in the browser's zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A profile, as the core names it. */
export type Profile = (typeof PROFILES)[number];

/** One of the core's per-school rights (`GET /api/core/schools/:id/rights`), as much of it as this page reads. */
export interface SchoolRight {
  app: string;
  right: string;
  profiles: Profile[];
}
