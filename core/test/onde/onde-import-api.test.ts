import t from 'tap';
import { readFile } from 'node:fs/promises';
import { createTestPlatform } from '../../src/testing/index.js';
import { encodeWindows1252 } from '../../src/onde/windows-1252.js';
import { SAMPLES, ondeUpload, sampleFiles } from '../helpers/onde-upload.js';

interface Expected {
  classes: { label: string; id: string; levels: string[]; pupils: number }[];
  pupils: number;
  guardians: number;
  links: number;
}

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const { knex } = platform;

async function directorOf(name: string) {
  const school = await platform.createSchool({ name });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  return { school, director };
}

// The samples are the same children whichever school imports them: before a case imports one again, the
// schools that took them in earlier let them go (as those schools' own imports would), or the new import
// would rightly refuse to take pupils of another school.
const earlierSchoolsLetGo = (school: { id: number }) =>
  knex('core.memberships').whereNot({ school_id: school.id }).whereNull('left_at').update({ left_at: platform.clock.now() });

const tables = async () => {
  const counts: Record<string, number> = {};
  for (const table of ['users', 'memberships', 'classes', 'class_members', 'relative_links', 'activation_codes', 'groups']) {
    counts[table] = Number((await knex(`core.${table}`).count<{ count: string }[]>('* as count'))[0]!.count);
  }
  return counts;
};

for (const [name, folder] of Object.entries(SAMPLES)) {
  t.test(`the ${name} sample imports through the API to exactly the counts of its expected.json`, async (t) => {
    const expected = JSON.parse(await readFile(new URL('expected.json', folder), 'utf8')) as Expected;
    const { school, director } = await directorOf(name);
    const as = platform.as(director);
    const before = await tables();
    const preview = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload(await sampleFiles(folder)) });
    t.equal(preview.statusCode, 201, preview.body);
    const { summary } = preview.json();
    t.same(summary.classes, { created: expected.classes.length, updated: 0, unchanged: 0 });
    t.same(summary.pupils, { created: expected.pupils, updated: 0, moved: 0, detached: 0, unchanged: 0 });
    t.same(summary.relatives, { created: expected.guardians, updated: 0, unchanged: 0 });
    t.same(summary.links, { created: expected.links, removed: 0, unchanged: 0 });
    t.same(summary.problems, []);
    const after = await tables();
    t.same({ ...after }, { ...before }, 'the preview writes nothing but its own record');

    const confirmed = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${preview.json().id}/confirm` });
    t.equal(confirmed.statusCode, 200, confirmed.body);
    t.equal(confirmed.json().status, 'applied');

    const classes = await knex('core.classes').where({ school_id: school.id }).orderBy('onde_id').select('id', 'label', 'onde_id', 'levels');
    t.same(
      classes.map((c) => ({ label: c.label, id: c.onde_id, levels: c.levels })),
      expected.classes.map((c) => ({ label: c.label, id: c.id, levels: c.levels })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const expectedClass of expected.classes) {
      const row = classes.find((c) => c.onde_id === expectedClass.id)!;
      const count = (await knex('core.class_members').where({ class_id: row.id }).count<{ count: string }[]>('* as count'))[0]!.count;
      t.equal(Number(count), expectedClass.pupils, `${expectedClass.label} has its pupils`);
    }
    const members = await knex('core.memberships as m').join('core.users as u', 'u.id', 'm.user_id').where('m.school_id', school.id)
      .groupBy('u.profile').select('u.profile').count<{ profile: string; count: string }[]>('* as count');
    const byProfile = Object.fromEntries(members.map((m) => [m.profile, Number(m.count)]));
    t.equal(byProfile.Student, expected.pupils);
    t.equal(byProfile.Relative, expected.guardians);
    const links = (await knex('core.relative_links as rl').join('core.memberships as m', 'm.user_id', 'rl.pupil_id')
      .where('m.school_id', school.id).count<{ count: string }[]>('* as count'))[0]!.count;
    t.equal(Number(links), expected.links);
    const pending = await knex('core.users as u').join('core.memberships as m', 'm.user_id', 'u.id').join('core.activation_codes as a', 'a.user_id', 'u.id')
      .where({ 'm.school_id': school.id, 'u.state': 'pending' }).count<{ count: string }[]>('* as count');
    t.equal(Number(pending[0]!.count), expected.pupils + expected.guardians, 'every new account is pending with an activation code');
    const groups = await knex('core.groups').where({ school_id: school.id, kind: 'class' }).pluck('name');
    t.ok(groups.includes(`Parents — ${expected.classes[0]!.label}`), 'derived class groups exist');

    const again = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload(await sampleFiles(folder)) });
    t.equal(again.json().unchanged, true, 're-importing the same files changes nothing and says so');
    t.same(again.json().summary.pupils, { created: 0, updated: 0, moved: 0, detached: 0, unchanged: expected.pupils });
    const beforeReapply = await tables();
    const reapplied = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${again.json().id}/confirm` });
    t.equal(reapplied.statusCode, 200);
    t.same(await tables(), beforeReapply, 'confirming an unchanged import writes no row');
  });
}

t.test("a new export moves, detaches and adds pupils, and never touches passwords, activation or emails", async (t) => {
  const { school, director } = await directorOf('Mouvements');
  await earlierSchoolsLetGo(school);
  const as = platform.as(director);
  const files = await sampleFiles(SAMPLES.jeanMoulin);
  const first = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload(files) });
  await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${first.json().id}/confirm` });
  // Arthur SIMON's mother activated her account and gave her own email.
  const mother = await knex('core.users').where({ first_name: 'Émilie', last_name: 'SIMON', profile: 'Relative' }).first('id', 'email');
  await knex('core.users').where({ id: mother.id }).update({ state: 'active', password_hash: 'kept', email: 'emilie@example.fr' });

  const pupils = new TextDecoder('windows-1252').decode(files.pupils).split('\r\n').join('\n').split('\n');
  const arthur = pupils.findIndex((line) => line.startsWith('SIMON;;Arthur;'));
  // Arthur moves to CM2, the last pupil of the file leaves, and a new pupil arrives in CP.
  pupils[arthur] = pupils[arthur]!.replace('CYCLE II;CP;CP - M. ROUX;41002', 'CYCLE III;CM2;CM2 - M. BÉRANGER;41014');
  const leaving = pupils.find((line) => line.startsWith('GAUTHIER;;Jade;'))!;
  const modified = pupils.filter((line) => line !== leaving);
  modified.splice(1, 0, 'NOUVEAU;;Zoé;02/02/2020;F;1000099999Z;1 place du Marché;16000;Angoulême;FRANCE;;;;;CYCLE II;CP;CP - M. ROUX;41002;Non;Oui;Oui;');
  // The guardian of the pupil who left is gone from the new export too; the new pupil's mother is in it.
  const guardianLines = new TextDecoder('windows-1252').decode(files.guardians).split(/\r?\n/).filter((line) => !line.includes(';GAUTHIER;Jade;'));
  guardianLines.splice(1, 0, 'MME;;NOUVEAU;Inès;1 place du Marché;16000;Angoulême;FRANCE;ines@example.org;;;06 11 22 33 44;;NOUVEAU;Zoé;CP - M. ROUX');
  const guardians = guardianLines.join('\n');
  const preview = await as.inject({
    method: 'POST',
    url: `/api/core/schools/${school.id}/imports/onde`,
    ...ondeUpload({ pupils: encodeWindows1252(modified.join('\n')), guardians: encodeWindows1252(guardians) }),
  });
  t.equal(preview.statusCode, 201, preview.body);
  const { summary, pupils: changes, detachedPupils } = preview.json();
  t.same(summary.problems, [], 'the modified files read without problems');
  t.equal(summary.pupils.created, 1);
  t.equal(summary.pupils.moved, 1);
  t.equal(summary.pupils.detached, 1);
  t.equal(summary.pupils.unchanged, 70);
  t.equal(summary.relatives.created, 1);
  t.equal(summary.links.created, 1);
  t.match(changes.find((c: { action: string }) => c.action === 'move'), { name: 'SIMON Arthur', classLabel: 'CM2 - M. BÉRANGER', fromClass: 'CP - M. ROUX' });
  t.equal(detachedPupils.length, 1);

  const confirmed = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${preview.json().id}/confirm` });
  t.equal(confirmed.statusCode, 200, confirmed.body);
  const arthurRow = await knex('core.users').where({ ine: '1000004456A' }).first('id');
  const arthurClass = await knex('core.class_members as cm').join('core.classes as c', 'c.id', 'cm.class_id').where('cm.user_id', arthurRow.id).where('c.school_id', school.id).pluck('c.label');
  t.same(arthurClass, ['CM2 - M. BÉRANGER'], 'Arthur is only in his new class');
  const left = await knex('core.memberships').where({ school_id: school.id }).whereNotNull('left_at').count<{ count: string }[]>('* as count');
  t.ok(Number(left[0]!.count) >= 1, 'the pupil who left is detached, not deleted');
  const motherAfter = await knex('core.users').where({ id: mother.id }).first('state', 'password_hash', 'email');
  t.same(motherAfter, { state: 'active', password_hash: 'kept', email: 'emilie@example.fr' });
});

t.test('bad files are refused with a clear French message and nothing is written', async (t) => {
  const { school, director } = await directorOf('Mauvais fichiers');
  const as = platform.as(director);
  const files = await sampleFiles(SAMPLES.tilleuls);
  const before = await tables();
  const swapped = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload({ pupils: files.guardians, guardians: files.pupils }) });
  t.equal(swapped.statusCode, 422);
  t.equal(swapped.json().code, 'PREAU_ERR_ONDE_FILES_SWAPPED');
  t.match(swapped.json().message, /inversés|responsables/);
  const missing = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload({ pupils: files.pupils }) });
  t.equal(missing.statusCode, 422);
  t.equal(missing.json().code, 'PREAU_ERR_ONDE_FILE_EMPTY');
  const binary = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...ondeUpload({ pupils: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2]), guardians: files.guardians }) });
  t.equal(binary.json().code, 'PREAU_ERR_ONDE_FILE_BINARY');
  const json = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, payload: { pupils: 'x' } });
  t.equal(json.statusCode, 400);
  t.same(await tables(), before);
});

t.test('only the administrators of a school may import into it', async (t) => {
  const a = await directorOf('École A');
  const b = await directorOf('École B');
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [a.school] });
  const files = ondeUpload(await sampleFiles(SAMPLES.tilleuls));
  const fromB = await platform.as(b.director).inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/imports/onde`, ...files });
  t.equal(fromB.statusCode, 403, 'the director of school B cannot import into school A');
  const fromTeacher = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/imports/onde`, ...files });
  t.equal(fromTeacher.statusCode, 403);
  const preview = await platform.as(a.director).inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/imports/onde`, ...files });
  const confirmFromB = await platform.as(b.director).inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/imports/${preview.json().id}/confirm` });
  t.equal(confirmFromB.statusCode, 403, 'nor confirm its preview');
  const history = await platform.as(b.director).inject(`/api/core/schools/${a.school.id}/imports`);
  t.equal(history.statusCode, 403);
  const academy = await platform.as(platform.admin).inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/imports/onde`, ...files });
  t.equal(academy.statusCode, 201, 'an academy administrator may import into any school');
});

t.test('a preview confirmed after another import changed the school is refused as stale', async (t) => {
  const { school, director } = await directorOf('Périmé');
  await earlierSchoolsLetGo(school);
  const as = platform.as(director);
  const files = ondeUpload(await sampleFiles(SAMPLES.tilleuls));
  const first = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...files });
  const second = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...files });
  t.equal((await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${second.json().id}/confirm` })).statusCode, 200);
  const stale = await as.inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${first.json().id}/confirm` });
  t.equal(stale.statusCode, 409);
  t.equal(stale.json().code, 'PREAU_ERR_IMPORT_STALE');
  const history = (await as.inject(`/api/core/schools/${school.id}/imports`)).json();
  t.same(history.map((h: { status: string }) => h.status).sort(), ['applied', 'previewed']);
});
