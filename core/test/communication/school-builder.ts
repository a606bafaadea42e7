import type { Knex } from 'knex';
import type { Profile } from '@preau/sdk';
import type { TestPlatform } from '../../src/testing/index.js';
import { ensureClassGroups, ensureSchoolGroups } from '../../src/structure/groups.js';
import { currentStartYear } from '../../src/structure/school-years.js';

/** A person of a built school. */
export interface Person {
  id: number;
  profile: Profile;
  name: string;
  schoolId: number;
  classIds: number[];
  childIds: number[];
}

/** What `buildSchool` made. */
export interface BuiltSchool {
  id: number;
  classes: { id: number; label: string }[];
  people: Person[];
  groupId(profile: Profile, classId?: number): Promise<number>;
}

/** The shape of a school to build: classes with their teachers, pupils and each pupil's relatives. */
export interface SchoolShape {
  name: string;
  classes: { label: string; teachers: number; pupils: number; relativesPerPupil: number[] }[];
  personnel?: number;
  guests?: number;
  /** Pairs of pupils (by order across classes) who are siblings: the second pupil's relatives are the first's. */
  siblings?: [number, number][];
}

let serial = 0;

/** Builds a school with direct inserts (fast, deterministic), and its derived groups. */
export async function buildSchool(platform: TestPlatform, shape: SchoolShape): Promise<BuiltSchool> {
  const knex: Knex = platform.knex;
  const school = await platform.createSchool({ name: shape.name });
  const startYear = await currentStartYear(knex, platform.clock.now());
  const people: Person[] = [];
  const addUser = async (profile: Profile, name: string, classIds: number[]): Promise<Person> => {
    serial += 1;
    const [row] = await knex('core.users').insert({
      login: `u${serial}.${profile.toLowerCase()}`, display_name: name, first_name: name.split(' ')[1] ?? name, last_name: name.split(' ')[0], profile, state: 'active',
    }).returning('id');
    await knex('core.memberships').insert({ user_id: row.id, school_id: school.id });
    if (classIds.length) await knex('core.class_members').insert(classIds.map((class_id) => ({ class_id, user_id: row.id })));
    const person = { id: row.id as number, profile, name, schoolId: school.id, classIds, childIds: [] };
    people.push(person);
    return person;
  };
  const classes: { id: number; label: string }[] = [];
  const pupils: Person[] = [];
  for (const [index, c] of shape.classes.entries()) {
    const [row] = await knex('core.classes').insert({ school_id: school.id, start_year: startYear, label: c.label, levels: ['CM2'] }).returning(['id', 'label']);
    classes.push(row);
    for (let i = 0; i < c.teachers; i += 1) await addUser('Teacher', `PROF${index}${i} Sabine`, [row.id]);
    for (let i = 0; i < c.pupils; i += 1) {
      const pupil = await addUser('Student', `ELEVE${index}${i} Léo`, [row.id]);
      pupils.push(pupil);
      for (let r = 0; r < (c.relativesPerPupil[i] ?? 0); r += 1) {
        const relative = await addUser('Relative', `PARENT${index}${i}${r} Hélène`, []);
        relative.childIds.push(pupil.id);
        await knex('core.relative_links').insert({ relative_id: relative.id, pupil_id: pupil.id });
      }
    }
  }
  for (const [first, second] of shape.siblings ?? []) {
    const a = pupils[first];
    const b = pupils[second];
    if (!a || !b) continue;
    for (const relative of people.filter((p) => p.childIds.includes(a.id))) {
      relative.childIds.push(b.id);
      await knex('core.relative_links').insert({ relative_id: relative.id, pupil_id: b.id }).onConflict().ignore();
    }
  }
  for (let i = 0; i < (shape.personnel ?? 0); i += 1) await addUser('Personnel', `AGENT${i} Karim`, []);
  for (let i = 0; i < (shape.guests ?? 0); i += 1) await addUser('Guest', `INVITE${i} Paul`, []);
  await ensureSchoolGroups(knex, school.id);
  await ensureClassGroups(knex, school.id, classes);
  return {
    id: school.id,
    classes,
    people,
    async groupId(profile, classId) {
      const row = await knex('core.groups').where({ school_id: school.id, profile, ...(classId ? { class_id: classId, kind: 'class' } : { kind: 'school' }) }).first('id');
      return row.id;
    },
  };
}
