import type { Knex } from 'knex';

/**
 * The communication rules computed the obvious way, in memory, from every table: the property test checks that
 * the SQL resolver agrees with this on random schools. Written from the rules' wording, not from the SQL.
 */
export async function referenceResolver(knex: Knex, today: string): Promise<(from: number, to: number) => boolean> {
  const users = new Map<number, { profile: string; state: string }>((await knex('core.users').select('id', 'profile', 'state')).map((u) => [u.id, u]));
  const memberships = await knex('core.memberships').select('user_id', 'school_id', 'left_at');
  const classes = new Map<number, { school_id: number; start_year: number }>((await knex('core.classes').select('id', 'school_id', 'start_year')).map((c) => [c.id, c]));
  const classMembers = await knex('core.class_members').select('class_id', 'user_id');
  const links = await knex('core.relative_links').select('relative_id', 'pupil_id');
  const groups = await knex('core.groups').select('id', 'school_id', 'kind', 'class_id', 'profile');
  const manual = await knex('core.manual_group_members').select('group_id', 'user_id');
  const custom = new Map<number, boolean>((await knex('core.schools').select('id', 'custom_communication')).map((s) => [s.id, s.custom_communication]));
  const rules = await knex('core.communication_rules').select('from_group_id', 'to_group_id');
  const pairs = await knex('core.gateway_pairs as p').join('core.gateways as w', 'w.id', 'p.gateway_id').select('p.group_a', 'p.group_b', 'w.status', 'w.ends_on');

  const latestYear = new Map<number, number>();
  for (const c of classes.values()) latestYear.set(c.school_id, Math.max(latestYear.get(c.school_id) ?? 0, c.start_year));
  const live = (g: { class_id: number | null }) => g.class_id === null || classes.get(g.class_id)!.start_year === latestYear.get(classes.get(g.class_id)!.school_id);

  const members = new Map<number, Set<number>>();
  for (const g of groups) {
    const set = new Set<number>();
    if (g.kind === 'school') {
      for (const m of memberships) if (m.school_id === g.school_id && m.left_at === null && users.get(m.user_id)!.profile === g.profile) set.add(m.user_id);
    } else if (g.kind === 'class') {
      const inClass = classMembers.filter((cm) => cm.class_id === g.class_id).map((cm) => cm.user_id);
      if (g.profile === 'Relative') {
        for (const l of links) if (inClass.includes(l.pupil_id)) set.add(l.relative_id);
      } else {
        for (const id of inClass) if (users.get(id)!.profile === g.profile) set.add(id);
      }
    } else {
      for (const m of manual) if (m.group_id === g.id) set.add(m.user_id);
    }
    members.set(g.id, set);
  }

  const edges: [number, number][] = [];
  for (const from of groups) {
    if (custom.get(from.school_id)) continue;
    for (const to of groups) {
      if (to.school_id !== from.school_id) continue;
      const staff = from.kind === 'school' && (from.profile === 'Teacher' || from.profile === 'Personnel');
      const sameClass = from.kind === 'class' && to.class_id === from.class_id;
      const pupil = sameClass && from.profile === 'Student' && (to.profile === 'Student' || to.profile === 'Teacher');
      const relative = sameClass && from.profile === 'Relative' && (to.profile === 'Teacher' || to.profile === 'Relative');
      if (staff || pupil || relative) edges.push([from.id, to.id]);
    }
  }
  for (const r of rules) {
    const school = groups.find((g) => g.id === r.from_group_id)!.school_id;
    if (custom.get(school)) edges.push([r.from_group_id, r.to_group_id]);
  }
  for (const p of pairs) {
    if (p.status !== 'open' || (p.ends_on !== null && p.ends_on < today)) continue;
    edges.push([p.group_a, p.group_b], [p.group_b, p.group_a]);
  }
  const liveGroup = new Map(groups.map((g) => [g.id, live(g)]));

  return (from, to) => {
    if (from === to) return true;
    if (users.get(to)!.state === 'blocked') return false;
    if (links.some((l) => (l.relative_id === from && l.pupil_id === to) || (l.pupil_id === from && l.relative_id === to))) return true;
    return edges.some(([a, b]) => liveGroup.get(a) && liveGroup.get(b) && members.get(a)!.has(from) && members.get(b)!.has(to));
  };
}
