import { text, type Language } from './i18n.js';

// The server's own rules (PATCH /api/core/me, POST /api/core/activation), checked first so that the person
// reads a sentence instead of a schema error.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^\+?[0-9 .-]{8,20}$/;

/** What is wrong with an optional email and mobile, or null; empty values are fine. */
export function contactProblem(contact: { email: string; mobile: string }, language: Language): string | null {
  if (contact.email && !EMAIL.test(contact.email)) return text('emailInvalid', language);
  if (contact.mobile && !MOBILE.test(contact.mobile)) return text('mobileInvalid', language);
  return null;
}
