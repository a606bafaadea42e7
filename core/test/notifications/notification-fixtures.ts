import { definePlugin, type PluginServices } from '@preau/sdk';
import type { TestPlatform, TestUser } from '../../src/testing/index.js';
import type { School } from '../../src/structure/schools.js';
import { ensureClassGroups } from '../../src/structure/groups.js';

/** The services the test plugin was given (its `notify` is the one every plugin gets). */
export const captured: { services?: PluginServices } = {};

/** A liaison-notebook-like plugin that declares the notification types the tests send. */
export const carnet = definePlugin({
  name: 'carnet',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Carnet de liaison', en: 'Liaison notebook' },
  notifications: {
    'word-posted': {
      title: { fr: 'Nouveau mot dans le carnet', en: 'New word in the notebook' },
      message: { fr: '{actor} a écrit un mot : {title}', en: '{actor} wrote a word: {title}' },
      defaultDelivery: 'immediate',
    },
    'word-signed': {
      title: { fr: 'Mot signé', en: 'Word signed' },
      message: { fr: '{actor} a signé le mot « {title} »', en: '{actor} signed the word "{title}"' },
      defaultDelivery: 'daily',
      deliveryByProfile: { Teacher: 'weekly' },
    },
    reminder: {
      title: { fr: 'Rappel de signature', en: 'Signature reminder' },
      defaultDelivery: 'immediate',
      timelineOnly: true,
    },
  },
  routes: (_app, services) => {
    captured.services = services;
  },
});

/** A class with its teacher, pupils and one parent per pupil, and its derived groups. */
export interface TestClass {
  id: number;
  teacher: TestUser;
  pupils: TestUser[];
  parents: TestUser[];
  groups: { parents: number; pupils: number; teachers: number };
}

/** Creates a class of `size` pupils, each with one parent, in `school`. */
export async function classWithFamilies(t: TestPlatform, school: School, label: string, size: number): Promise<TestClass> {
  const { knex } = t;
  const [row] = await knex('core.classes').insert({ school_id: school.id, start_year: 2026, label, levels: [label.split(' ')[0]] }).returning('id');
  const id = row.id as number;
  const teacher = await t.createUser({ profile: 'Teacher', schools: [school] });
  const pupils: TestUser[] = [];
  const parents: TestUser[] = [];
  for (let i = 0; i < size; i += 1) {
    const pupil = await t.createUser({ profile: 'Student', schools: [school] });
    const parent = await t.createUser({ profile: 'Relative', schools: [school] });
    pupils.push(pupil);
    parents.push(parent);
    await knex('core.relative_links').insert({ relative_id: parent.id, pupil_id: pupil.id });
  }
  await knex('core.class_members').insert([teacher, ...pupils].map((u) => ({ class_id: id, user_id: u.id })));
  await ensureClassGroups(knex, school.id, [{ id, label }]);
  const groups = await knex('core.groups').where({ class_id: id }).select('id', 'profile');
  const group = (profile: string): number => groups.find((g: { profile: string }) => g.profile === profile)!.id;
  return { id, teacher, pupils, parents, groups: { parents: group('Relative'), pupils: group('Student'), teachers: group('Teacher') } };
}

/** Gives users an email address (the factories make none). */
export async function giveEmails(t: TestPlatform, users: readonly TestUser[]): Promise<void> {
  for (const user of users) await t.knex('core.users').where({ id: user.id }).update({ email: `${user.login}@familles.example.fr` });
}

/** The notify service the plugin received. */
export function notify(): PluginServices['notify'] {
  if (!captured.services) throw new Error('the carnet plugin was not mounted');
  return captured.services.notify;
}

/** A word of the notebook as a notification. */
export function word(actor: TestUser, recipients: { users?: number[]; groups?: number[] }, title: string, id = '1') {
  return { type: 'word-posted', recipients, actor: actor.id, resource: { app: 'carnet', id, url: `/apps/carnet/words/${id}` }, params: { title } };
}
