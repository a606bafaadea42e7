import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import type { Knex } from 'knex';
import { createPlatform, loadConfig, readOndeFiles, runOndeImport, type Platform } from '@preau/core';
import { generateOndeAcademy, testPostgresUrl } from '@preau/core/testing';
import type { LoadOptions } from './options.js';

/** The password of every account of a load dataset (hashed once: argon2 per account would take minutes). */
export const LOAD_PASSWORD = 'matinee-rentree-2026';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** The configuration `preau start` reads in the repository (its plugins and apps), on the dataset's database. */
export function datasetConfigEnvironment(databaseName: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: testPostgresUrl(databaseName), PREAU_CONFIG: `${REPO_ROOT}preau.config.json` };
}

async function addTeachers(knex: Knex, schoolId: number, schoolIndex: number, passwordHash: string, now: Date): Promise<{ id: number; classId: number }[]> {
  const classes: { id: number }[] = await knex('core.classes').where({ school_id: schoolId }).orderBy('id').select('id');
  return knex.transaction(async (trx) => {
    const teachers: { id: number; classId: number }[] = [];
    for (const [index, { id: classId }] of classes.entries()) {
      const [row] = await trx('core.users').insert({
        login: `enseignant.${schoolIndex + 1}.${index + 1}`, display_name: `ENSEIGNANT ${schoolIndex + 1}-${index + 1} Camille`, profile: 'Teacher',
        first_name: 'Camille', last_name: `ENSEIGNANT ${schoolIndex + 1}-${index + 1}`, password_hash: passwordHash, state: 'active',
        activated_at: now, charter_accepted_at: now, demo: true,
      }).returning('id');
      await trx('core.memberships').insert({ user_id: row.id, school_id: schoolId });
      await trx('core.class_members').insert({ class_id: classId, user_id: row.id });
      // The first teacher of each school is its director, as in small primary schools.
      if (index === 0) await trx('core.user_functions').insert({ user_id: row.id, function: 'director', school_id: schoolId });
      teachers.push({ id: row.id, classId });
    }
    return teachers;
  });
}

/** The academy's administrator: without one, the instance waits for its setup and answers 503. */
async function addAcademyAdministrator(knex: Knex, passwordHash: string, now: Date): Promise<void> {
  const [row] = await knex('core.users').insert({
    login: 'admin.academie', display_name: 'ACADÉMIE Admin', profile: 'Personnel', first_name: 'Admin', last_name: 'ACADÉMIE',
    password_hash: passwordHash, state: 'active', activated_at: now, charter_accepted_at: now, demo: true,
  }).returning('id');
  await knex('core.user_functions').insert({ user_id: row.id, function: 'academy-admin', school_id: null });
}

/** Each app's sample content (words with tracking, messages, news, agenda, cahier de textes), as `preau demo` adds it. */
async function addAppContent(platform: Platform, schoolId: number, teachers: { id: number; classId: number }[], now: Date): Promise<void> {
  for (const record of platform.plugins.active()) {
    const demo = record.manifest?.demo;
    if (demo && record.services) await demo({ schoolId, director: teachers[0]!.id, teachers, now }, record.services);
  }
}

/**
 * Builds an academy slice in an empty database: schools from synthetic ONDE exports through the real import,
 * every family activated with one password, an academy administrator, a teacher per class (the first one director), and the apps' sample
 * content per school. Returns the seconds it took.
 */
export async function buildDataset(databaseName: string, options: LoadOptions): Promise<number> {
  const started = performance.now();
  const platform = await createPlatform({ config: loadConfig({ env: datasetConfigEnvironment(databaseName) }), buildWeb: false, logger: false });
  try {
    const { knex } = platform.database;
    const passwordHash = await hash(LOAD_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const now = new Date();
    await addAcademyAdministrator(knex, passwordHash, now);
    const academy = generateOndeAcademy({ schools: options.schools, seed: 2026, classes: options.classes, pupilsPerClass: options.pupilsPerClass });
    for (const school of academy) {
      const [row] = await knex('core.schools').insert({
        uai: `${String(1_000_000 + school.index).padStart(7, '0')}L`, name: `École ${school.index + 1} (charge)`, city: 'Poitiers', academy: 'Poitiers',
      }).returning('id');
      const files = readOndeFiles({ pupils: school.pupils, guardians: school.guardians }, { maxBytes: 20 * 1024 * 1024 });
      const result = await runOndeImport(knex, {
        schoolId: row.id, files, now, activationKey: platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
      });
      await knex('core.users').whereIn('id', result.applied?.createdUserIds ?? [])
        .update({ password_hash: passwordHash, state: 'active', activated_at: now, charter_accepted_at: now, demo: true });
      const teachers = await addTeachers(knex, row.id, school.index, passwordHash, now);
      await addAppContent(platform, row.id, teachers, now);
      progress(`dataset: school ${school.index + 1}/${options.schools} (${result.plan.summary.pupils.created} pupils, ${result.plan.summary.relatives.created} relatives)`);
    }
    await platform.scheduledJobs.runDue();
    await knex.raw('analyze');
    const seconds = (performance.now() - started) / 1000;
    await knex.raw('create table public.load_dataset (parameters jsonb not null, build_seconds real not null)');
    await knex('public.load_dataset').insert({ parameters: JSON.stringify(options), build_seconds: seconds });
    return seconds;
  } finally {
    await platform.close();
  }
}
