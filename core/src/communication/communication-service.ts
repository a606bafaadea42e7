import type { Knex } from 'knex';
import { frenchOrder as fold, type Clock, type CommunicationService, type Profile, type RecipientGroup, type RecipientUser } from '@preau/sdk';
import { parisDay } from '../clock.js';
import { ALLOWED_CTE, REACH_CTE } from './reach-sql.js';


/** Lower case, accents removed: how a search box's words are compared with names. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/**
 * The one resolver of the communication rules (see `reach-sql.ts`). Each call is one SQL statement: the
 * groups the user may write to are derived from the group memberships (indexed per user) and the rules of
 * the schools concerned, so nothing has to be kept in sync by hand when memberships or rules change.
 */
export function createCommunication(knex: Knex, clock: Clock): CommunicationService {
  const bindings = (me: number) => ({ me, today: parisDay(clock.now()) });
  // Brings the materialized groups of the schools concerned up to date (a no-op unless something changed).
  const refresh = (users: readonly number[]) => knex.raw('select core.refresh_dirty_groups(?::int[])', [[...users]]);

  return {
    async canCommunicate(from, to) {
      const users = [...new Set(to.users ?? [])].filter((id) => id !== from);
      const groups = [...new Set(to.groups ?? [])];
      const { rows } = await knex.raw<{ rows: { kind: 'user' | 'group'; target: number }[] }>(
        'select kind, target from core.can_communicate(?, ?::int[], ?::int[], ?::date)',
        [from, users, groups, parisDay(clock.now())],
      );
      const allowedUsers = rows.filter((r) => r.kind === 'user').map((r) => r.target);
      const allowedGroups = rows.filter((r) => r.kind === 'group').map((r) => r.target);
      const self = (to.users ?? []).includes(from) ? [from] : [];
      return {
        all: allowedUsers.length === users.length && allowedGroups.length === groups.length,
        users: [...self, ...allowedUsers],
        groups: allowedGroups,
      };
    },

    async visibleRecipients(user, options = {}) {
      const limit = Math.min(options.limit ?? 20, 100);
      const words = foldText(options.query ?? '').split(/\s+/).filter(Boolean).slice(0, 4);
      const wordFilter = (column: string) => words.map((_, i) => `${fold(column)} like :w${i}`).join(' and ') || 'true';
      const wordBindings = Object.fromEntries(words.map((w, i) => [`w${i}`, `%${w.replace(/[%_\\]/g, '\\$&')}%`]));
      const first = words[0] ?? '';
      await refresh([user]);
      // Candidates first (members of the schools in reach whose name matches), then the rules on those only.
      const { rows: people } = await knex.raw<{ rows: RecipientUser[] }>(
        `with ${REACH_CTE},
         reach_schools as (select distinct g.school_id from reach join core.groups g on g.id = reach.id),
         candidates as (
           select u.id from core.memberships m join core.users u on u.id = m.user_id
            where m.school_id in (select school_id from reach_schools) and m.left_at is null
              ${options.schoolId ? 'and m.school_id = :school' : ''}
              and u.id <> :me and u.state <> 'blocked' and ${wordFilter('u.display_name')}
              ${options.profile ? 'and u.profile = :profile' : ''}
           union
           select u.id from core.relative_links rl
             join core.users u on u.id = case when rl.relative_id = :me then rl.pupil_id else rl.relative_id end
            where (rl.relative_id = :me or rl.pupil_id = :me) and u.state <> 'blocked' and ${wordFilter('u.display_name')}
              ${options.profile ? 'and u.profile = :profile' : ''}
         ),
         ${ALLOWED_CTE.replace(/any\(:candidates::int\[\]\)/g, 'any(array(select id from candidates))')}
         select u.id, u.display_name as "displayName", u.profile,
                coalesce((select array_agg(distinct m.school_id) from core.memberships m where m.user_id = u.id and m.left_at is null), '{}') as "schoolIds"
           from allowed join core.users u on u.id = allowed.id
          order by (${fold('coalesce(u.last_name, u.display_name)')} like :prefix) desc,
                   (${fold('coalesce(u.first_name, u.display_name)')} like :prefix) desc,
                   ${fold('u.display_name')}, u.display_name
          limit :limit`,
        { ...bindings(user), ...wordBindings, prefix: `${first}%`, profile: options.profile ?? null, school: options.schoolId ?? null, limit },
      );
      const { rows: groups } = options.profile
        ? { rows: [] as RecipientGroup[] }
        : await knex.raw<{ rows: RecipientGroup[] }>(
          `with ${REACH_CTE}
           select g.id, g.name, g.kind, g.school_id as "schoolId",
                  (select count(*)::int from core.group_membership gm where gm.group_id = g.id) as members
             from reach join core.groups g on g.id = reach.id
            where ${wordFilter('g.name')} ${options.schoolId ? 'and g.school_id = :school' : ''}
            order by (${fold('g.name')} like :prefix) desc, case g.kind when 'school' then 0 when 'class' then 1 else 2 end, ${fold('g.name')}, g.name
            limit :limit`,
          { ...bindings(user), ...wordBindings, prefix: `${first}%`, school: options.schoolId ?? null, limit },
        );
      return { users: people.map((p) => ({ ...p, profile: p.profile as Profile })), groups };
    },
  };
}
