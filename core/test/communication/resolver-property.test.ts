import t from 'tap';
import fc from 'fast-check';
import { createTestPlatform } from '../../src/testing/index.js';
import { parisDay } from '../../src/clock.js';
import { buildSchool, type SchoolShape } from './school-builder.js';
import { referenceResolver } from './reference-resolver.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const { knex } = platform;
const communication = platform.platform.communication;

const classShape = fc.record({
  label: fc.constantFrom('CP', 'CE1-CE2', 'CM2'),
  teachers: fc.integer({ min: 0, max: 2 }),
  pupils: fc.integer({ min: 0, max: 3 }),
  relativesPerPupil: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
});
const schoolShape = fc.record({
  classes: fc.array(classShape, { minLength: 1, maxLength: 3 }),
  personnel: fc.integer({ min: 0, max: 1 }),
  guests: fc.integer({ min: 0, max: 1 }),
  siblings: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 2 }),
});
const scenario = fc.record({
  schools: fc.tuple(schoolShape, schoolShape),
  // Custom rules for the first school: edges picked among its groups by index.
  customEdges: fc.option(fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 8 }), { nil: undefined }),
  gateway: fc.option(fc.record({ status: fc.constantFrom('open', 'proposed', 'closed'), ended: fc.boolean(), pairs: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 3 }) }), { nil: undefined }),
  manualGroup: fc.array(fc.nat(40), { maxLength: 4 }),
  lastYearClass: fc.boolean(),
});

t.test('the SQL resolver agrees with the reference implementation on random schools, rules and gateways', async (t) => {
  let run = 0;
  let pairsChecked = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      run += 1;
      const [a, b] = [
        await buildSchool(platform, { name: `A${run}`, ...(s.schools[0] as Omit<SchoolShape, 'name'>) }),
        await buildSchool(platform, { name: `B${run}`, ...(s.schools[1] as Omit<SchoolShape, 'name'>) }),
      ];
      const groupsA = await knex('core.groups').where({ school_id: a.id }).orderBy('id').pluck('id');
      const groupsB = await knex('core.groups').where({ school_id: b.id }).orderBy('id').pluck('id');
      if (s.customEdges) {
        await knex('core.schools').where({ id: a.id }).update({ custom_communication: true });
        const edges = s.customEdges.map(([f, to]) => ({ school_id: a.id, from_group_id: groupsA[f % groupsA.length], to_group_id: groupsA[to % groupsA.length] }));
        if (edges.length) await knex('core.communication_rules').insert(edges).onConflict(['from_group_id', 'to_group_id']).ignore();
      }
      if (s.gateway) {
        const [row] = await knex('core.gateways').insert({ school_a: a.id, school_b: b.id, status: s.gateway.status, ends_on: s.gateway.ended ? '2026-01-01' : null }).returning('id');
        await knex('core.gateway_pairs').insert(s.gateway.pairs.map(([x, y]) => ({ gateway_id: row.id, group_a: groupsA[x % groupsA.length], group_b: groupsB[y % groupsB.length] }))).onConflict().ignore();
      }
      if (s.manualGroup.length && a.people.length) {
        const [group] = await knex('core.groups').insert({ school_id: a.id, kind: 'manual', name: 'Chorale' }).returning('id');
        const ids = [...new Set(s.manualGroup.map((i) => a.people[i % a.people.length]!.id))];
        await knex('core.manual_group_members').insert(ids.map((user_id) => ({ group_id: group.id, user_id })));
      }
      if (s.lastYearClass && a.people.length) {
        // Last year's class, with some of this year's people still listed in it: it must not connect them.
        const [old] = await knex('core.classes').insert({ school_id: a.id, start_year: 2025, label: 'Ancienne classe', levels: ['CP'] }).returning('id');
        await knex('core.class_members').insert(a.people.slice(0, 4).map((p) => ({ class_id: old.id, user_id: p.id })));
        const { ensureClassGroups } = await import('../../src/structure/groups.js');
        await ensureClassGroups(knex, a.id, [{ id: old.id, label: 'Ancienne classe' }]);
      }
      const reference = await referenceResolver(knex, parisDay(platform.clock.now()));
      const people = [...a.people, ...b.people];
      for (const from of people) {
        const allowed = new Set((await communication.canCommunicate(from.id, { users: people.map((p) => p.id) })).users);
        for (const to of people) {
          pairsChecked += 1;
          if (allowed.has(to.id) !== reference(from.id, to.id)) {
            throw new Error(`disagree on ${from.profile} ${from.id} → ${to.profile} ${to.id}: SQL ${allowed.has(to.id)}`);
          }
        }
      }
    }),
    { numRuns: 25, seed: 2026 },
  );
  t.ok(pairsChecked > 1000, `${pairsChecked} pairs compared over ${run} random scenarios`);
});
