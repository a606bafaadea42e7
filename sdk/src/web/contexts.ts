import { createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';

/** The signed-in user as the shell knows it (the body of `GET /api/core/me`). */
export interface WebUser {
  id: number;
  login: string;
  displayName: string;
  profile: 'Teacher' | 'Student' | 'Relative' | 'Personnel' | 'Guest';
  language: 'fr' | 'en';
  schools: { id: number; uai: string; name: string }[];
  functions: { function: 'director' | 'local-admin' | 'academy-admin'; schoolId?: number }[];
}

/** The current user, provided by the shell to every component. */
export const userContext = createContext<WebUser | undefined>(Symbol.for('preau.user'));
/** The API client of the signed-in session. */
export const apiContext = createContext<ApiClient>(Symbol.for('preau.api'));
/** The interface language ('fr' by default). */
export const languageContext = createContext<'fr' | 'en'>(Symbol.for('preau.language'));

/** One of a relative's children, as the shell's child switcher offers them. */
export interface WebChild {
  id: number;
  displayName: string;
  firstName: string | null;
  school: { id: number; name: string } | null;
  classes: { id: number; label: string; levels: string[] }[];
}

/**
 * The child a relative is looking at now (the header's switcher, for parents of several children): apps show
 * that child's class, notebook or homework. Undefined for everyone else.
 */
export const childContext = createContext<WebChild | undefined>(Symbol.for('preau.child'));
