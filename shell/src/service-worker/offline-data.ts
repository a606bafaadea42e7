// What the service worker keeps for reading without network, shared with the offline page. Documented in
// docs/push-and-offline.md: change both together.

/** The cache of API answers readable offline; deleted at sign-out and on any 401. */
export const DATA_CACHE = 'preau-data';
/** Actions taken offline, sent when the network is back. */
export const OUTBOX_CACHE = 'preau-outbox';
/** Where the worker notes that someone is signed in on this device, and their CSRF token (in DATA_CACHE). */
export const SESSION_KEY = '/__preau/session';

/**
 * The API answers kept for offline reading: the first page of a child's liaison words (a parent's most needed
 * reading when the network drops) and a child's homework (« pour demain »). Nothing else is stored.
 */
export const OFFLINE_READABLE: readonly RegExp[] = [
  /^\/api\/liaison\/children\/\d+\/words$/,
  /^\/api\/liaison\/me\/words$/,
  /^\/api\/textbook\/pupils\/\d+\/homework$/,
];

/** The actions queued when sent offline (and sent again when back online): confirming a word. */
export const QUEUED_OFFLINE: readonly RegExp[] = [/^\/api\/liaison\/words\/\d+\/pupils\/\d+\/acknowledgement$/];
