import type { Knex } from 'knex';
import type { Clock, CurrentUser, EventBus, Profile, Language, SchoolRef, UserFunction } from '@preau/sdk';
import { hashToken, randomToken } from './secret-tokens.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'preau_session';

/** A signed-in session as the request pipeline sees it. */
export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: CurrentUser;
}

/** Session storage: rows in `core.sessions`, keyed by the hash of the cookie's token. */
export interface SessionStore {
  /** Opens a session; the token goes in the cookie and is never stored. */
  create(userId: number, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrfToken: string; expiresAt: Date }>;
  /** The session and its user for a cookie token, or null when unknown, expired, idle too long or the user is not active. */
  resolve(token: string): Promise<ResolvedSession | null>;
  /** Ends one session, on every server process at once. */
  destroy(sessionId: string): Promise<void>;
  /** Forgets what every process cached about a user (blocked, new school, new function): the next request reads it again. */
  invalidateUser(userId: number): Promise<void>;
  close(): Promise<void>;
}

interface SessionRow {
  id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: number;
  login: string;
  display_name: string;
  profile: Profile;
  language: Language;
  schools: SchoolRef[];
  functions: UserFunction[];
}

// Writing last_seen_at on every request would turn each read into a write; once a minute is precise enough
// for an idle timeout counted in minutes.
const TOUCH_EVERY_MS = 60_000;

const CHANNEL = 'preau_sessions';
// Bounded so that a flood of distinct tokens cannot grow the cache without limit.
const CACHE_LIMIT = 20_000;

interface Cached {
  session: ResolvedSession;
  /** Clock time after which the row must be read again. */
  freshUntil: number;
}

/**
 * Sessions in the database, with a short per-process cache of resolved sessions: a busy page makes many API
 * calls, and each would otherwise read the session again. Ending a session or changing a user is published on
 * the event bus, so every process drops its copy at once; the cache only saves reads, never extends a session.
 */
export async function createSessionStore(deps: {
  knex: Knex;
  clock: Clock;
  events: EventBus;
  idleMinutes: number;
  absoluteHours: number;
  cacheSeconds: number;
}): Promise<SessionStore> {
  const { knex, clock, events } = deps;
  const idleMs = deps.idleMinutes * 60_000;
  const cache = new Map<string, Cached>();

  const forget = (predicate: (session: ResolvedSession) => boolean): void => {
    for (const [key, cached] of cache) if (predicate(cached.session)) cache.delete(key);
  };
  const unsubscribe = await events.subscribe(CHANNEL, (payload) => {
    const message = payload as { sessionId?: string; userId?: number } | null;
    if (message?.sessionId) cache.delete(message.sessionId);
    if (typeof message?.userId === 'number') forget((session) => session.user.id === message.userId);
  });

  const store: SessionStore = {
    async create(userId, meta) {
      const token = randomToken();
      const csrfToken = randomToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + deps.absoluteHours * 3_600_000);
      await knex('core.sessions').insert({
        id: hashToken(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return { token, csrfToken, expiresAt };
    },

    async resolve(token) {
      const now = clock.now();
      const id = hashToken(token);
      const cached = cache.get(id);
      if (cached && now.getTime() < cached.freshUntil) return cached.session;
      // One indexed read brings the session, the user, their schools and functions.
      const result = await knex.raw<{ rows: SessionRow[] }>(
        `select s.id, s.csrf_token, s.last_seen_at, u.id as user_id, u.login, u.display_name, u.profile, u.language,
           coalesce((select json_agg(json_build_object('id', sc.id, 'uai', sc.uai, 'name', sc.name) order by sc.name)
                       from core.memberships m join core.schools sc on sc.id = m.school_id where m.user_id = u.id and m.left_at is null), '[]') as schools,
           coalesce((select json_agg(case when f.school_id is null then json_build_object('function', f.function)
                                          else json_build_object('function', f.function, 'schoolId', f.school_id) end)
                       from core.user_functions f where f.user_id = u.id), '[]') as functions
         from core.sessions s join core.users u on u.id = s.user_id
         where s.id = ? and s.expires_at > ? and s.last_seen_at > ? and u.state = 'active'`,
        [id, now, new Date(now.getTime() - idleMs)],
      );
      const row = result.rows[0];
      if (!row) {
        cache.delete(id);
        return null;
      }
      if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
        await knex('core.sessions').update({ last_seen_at: now }).where({ id: row.id });
      }
      const session: ResolvedSession = {
        sessionId: row.id,
        csrfToken: row.csrf_token,
        user: {
          id: row.user_id,
          login: row.login,
          displayName: row.display_name,
          profile: row.profile,
          language: row.language,
          schools: row.schools,
          functions: row.functions,
        },
      };
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(id, { session, freshUntil: now.getTime() + deps.cacheSeconds * 1000 });
      return session;
    },

    async destroy(sessionId) {
      await knex('core.sessions').delete().where({ id: sessionId });
      cache.delete(sessionId);
      await events.publish(CHANNEL, { sessionId });
    },

    async invalidateUser(userId) {
      forget((session) => session.user.id === userId);
      await events.publish(CHANNEL, { userId });
    },

    close: unsubscribe,
  };
  return store;
}
