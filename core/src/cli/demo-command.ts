import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { openCore } from './open-core.js';
import { readOndeFiles, runOndeImport } from '../onde/onde-import.js';
import { createSchool } from '../structure/schools.js';
import { currentStartYear } from '../structure/school-years.js';
import { allocateLogins, displayNameOf, loginBase } from '../identity/logins.js';
import { hashPassword } from '../identity/password.js';
import { issueActivationCodes } from '../identity/activation-codes.js';
import { DemoRefused } from '../errors.js';
import { addPluginDemos } from './plugin-demos.js';
import { CORE_ROOT } from '../package-root.js';

/** The password of every demo account: easy to type, long enough for the policy, not a common one. */
export const DEMO_PASSWORD = 'preau-demo-2026';
const DEMO_UAI = '0169999Z';
// Shipped in the package (see `files` in package.json): a demo works from an installed @preau/core too.
const SAMPLES = join(CORE_ROOT, 'test/fixtures/onde/ecole-jean-moulin');

async function createStaff(trx: Knex.Transaction, schoolId: number, people: { firstName: string; lastName: string; classLabel?: string; director?: boolean; academy?: boolean }[], passwordHash: string, now: Date) {
  const logins = await allocateLogins(trx, people.map((p) => loginBase(p.firstName, p.lastName)));
  const startYear = await currentStartYear(trx, now);
  const created: { id: number; classId: number | null; director: boolean; login: string; name: string; role: string }[] = [];
  for (const [index, person] of people.entries()) {
    const [row] = await trx('core.users').insert({
      login: logins[index], display_name: displayNameOf(person.firstName, person.lastName), profile: person.academy ? 'Personnel' : 'Teacher',
      first_name: person.firstName, last_name: person.lastName, password_hash: passwordHash, state: 'active', activated_at: now, charter_accepted_at: now,
    }).returning('id');
    if (person.academy) {
      await trx('core.user_functions').insert({ user_id: row.id, function: 'academy-admin', school_id: null });
    } else {
      await trx('core.memberships').insert({ user_id: row.id, school_id: schoolId });
    }
    if (person.director) await trx('core.user_functions').insert({ user_id: row.id, function: 'director', school_id: schoolId });
    let classId: number | null = null;
    if (person.classLabel) {
      const found = await trx('core.classes').where({ school_id: schoolId, start_year: startYear, label: person.classLabel }).first('id');
      if (found) await trx('core.class_members').insert({ class_id: found.id, user_id: row.id });
      classId = found?.id ?? null;
    }
    created.push({ id: row.id, classId, director: person.director === true, login: logins[index]!, name: displayNameOf(person.firstName, person.lastName), role: person.academy ? "Administrateur de l'académie" : person.director ? 'Directeur (enseigne en CM2)' : `Enseignant (${person.classLabel})` });
  }
  return created;
}

/**
 * `preau demo [--force]`: a demo school from the sample ONDE files, with a director, teachers with their
 * classes, activated parents and pupils, and one family left to activate with a code, so that a newcomer can
 * try every profile at once. Refused on a database that already holds schools, unless `--force`.
 */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } } });
  const core = await openCore();
  try {
    const { knex } = core;
    const existing = await knex('core.schools').count<{ count: string }[]>('id as count');
    if (Number(existing[0]!.count) > 0 && !values.force) throw DemoRefused();
    const now = new Date();
    const school =
      (await knex('core.schools').where({ uai: DEMO_UAI }).first('id', 'name')) ??
      (await createSchool(knex, { uai: DEMO_UAI, name: 'École Jean Moulin (démo)', city: 'Angoulême', academy: 'Poitiers' }));
    const files = readOndeFiles(
      { pupils: await readFile(join(SAMPLES, 'CSVExtraction-eleves.csv')), guardians: await readFile(join(SAMPLES, 'CSVExtraction-responsables.csv')) },
      { maxBytes: 20 * 1024 * 1024 },
    );
    const result = await runOndeImport(knex, {
      schoolId: school.id, files, now, activationKey: core.activationKey, codeDays: core.config.identity.activationCodeDays, actorId: null, dryRun: false,
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { table, staff } = await knex.transaction(async (trx) => {
      const hasAdmin = await trx('core.user_functions').where({ function: 'academy-admin' }).first('user_id');
      const staff = await createStaff(trx, school.id, [
        ...(hasAdmin ? [] : [{ firstName: 'Admin', lastName: 'Académie', academy: true }]),
        { firstName: 'Louis', lastName: 'Béranger', classLabel: 'CM2 - M. BÉRANGER', director: true },
        { firstName: 'Paul', lastName: 'Roux', classLabel: 'CP - M. ROUX' },
        { firstName: 'Marc', lastName: 'Guérin', classLabel: 'CE1-CE2 - M. GUÉRIN' },
      ], passwordHash, now);
      // Every imported family is activated with the demo password but one, left to try the activation page.
      const newIds = result.applied?.createdUserIds ?? [];
      const waiting = result.applied?.codes.find((c) => c.profile === 'Relative');
      await trx('core.users').whereIn('id', newIds).whereNot('id', waiting?.userId ?? 0)
        .update({ password_hash: passwordHash, state: 'active', activated_at: now, charter_accepted_at: now });
      const parent = await trx('core.users as u').join('core.relative_links as rl', 'rl.relative_id', 'u.id')
        .whereIn('u.id', newIds).where('u.state', 'active').groupBy('u.id', 'u.login', 'u.display_name')
        .orderByRaw('count(*) desc').first('u.login', 'u.display_name');
      const pupil = await trx('core.users').whereIn('id', newIds).where({ profile: 'Student', state: 'active' }).orderBy('display_name').first('login', 'display_name');
      let code: string | undefined;
      if (waiting) code = (await issueActivationCodes(trx, core.activationKey, [waiting.userId], { expiresAt: new Date(now.getTime() + 90 * 86_400_000), createdBy: null, now })).get(waiting.userId);
      const table = [
        ...staff.map((s) => [s.role, s.name, s.login, DEMO_PASSWORD]),
        ...(parent ? [['Parent (plusieurs enfants)', parent.display_name, parent.login, DEMO_PASSWORD]] : []),
        ...(pupil ? [['Élève', pupil.display_name, pupil.login, DEMO_PASSWORD]] : []),
        ...(waiting && code ? [["Parent à activer (code d'activation)", waiting.displayName, waiting.login, code]] : []),
      ];
      return { table, staff };
    });
    // Every account of the demo school (and the academy administrator it made) is never emailed.
    await knex('core.users').whereIn('id', knex('core.memberships').where({ school_id: school.id }).select('user_id'))
      .orWhereIn('id', staff.map((s) => s.id)).update({ demo: true });
    const director = staff.find((s) => s.director);
    const apps = director
      ? await addPluginDemos(core, {
          schoolId: school.id, director: director.id, now,
          teachers: staff.flatMap((s) => (s.classId ? [{ id: s.id, classId: s.classId }] : [])),
        })
      : [];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...[['Profil', 'Nom', 'Identifiant', 'Mot de passe'], ...table].map((row) => row[i]!.length)));
    const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
    process.stdout.write(`Démo prête : ${school.name}, ${result.plan.summary.pupils.created} élèves et ${result.plan.summary.relatives.created} responsables importés depuis ONDE.\n\n`);
    process.stdout.write(`${line(['Profil', 'Nom', 'Identifiant', 'Mot de passe'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
    for (const row of table) process.stdout.write(`${line(row)}\n`);
    if (apps.length) process.stdout.write(`\nContenu d'exemple ajouté dans : ${apps.join(', ')}.\n`);
    process.stdout.write(`\nTous les parents et élèves de l'école ont le mot de passe ${DEMO_PASSWORD}. Lancez \`npm start\` puis ouvrez Préau.\n`);
    process.stdout.write("Les comptes de démonstration ne reçoivent jamais de courriel, même si un serveur SMTP est configuré.\n");
    return 0;
  } finally {
    await core.close();
  }
}
