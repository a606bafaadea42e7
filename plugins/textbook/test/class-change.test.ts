import t from 'tap';
import { filesUpload, generateOndeSchool, type TestPlatform, type TestUser } from '@preau/core/testing';
import { HOMEWORK, textbookPlatform } from './helpers/school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());

const windows1252 = (text: string) => Buffer.from(text, 'latin1');
const decode = (bytes: Uint8Array) => new TextDecoder('windows-1252').decode(bytes);

/** Sends the two ONDE files as the director and confirms the preview. */
async function importOnde(director: TestUser, schoolId: number, pupils: Uint8Array, guardians: Uint8Array) {
  const preview = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/imports/onde`, ...filesUpload({ pupils: { name: 'eleves.csv', content: Buffer.from(pupils) }, guardians: { name: 'responsables.csv', content: Buffer.from(guardians) } }) });
  if (preview.statusCode !== 201) throw new Error(preview.body);
  const confirmed = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/imports/${preview.json().id}/confirm` });
  if (confirmed.statusCode !== 200) throw new Error(confirmed.body);
  return preview.json() as { summary: { pupils: { moved: number } } };
}

/** An imported account, activated as a family would on the first evening: a code from the school, then a password. */
async function account(director: TestUser, schoolId: number, id: number): Promise<TestUser> {
  const issued = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/users/${id}/activation-code` });
  if (issued.statusCode !== 200 && issued.statusCode !== 201) throw new Error(issued.body);
  const { login, code } = issued.json() as { login: string; code: string };
  const password = 'un mot de passe assez long';
  const activated = await platform.inject({ method: 'POST', url: '/api/core/activation', payload: { login, code, password, acceptCharter: true } });
  if (activated.statusCode !== 201) throw new Error(activated.body);
  const { user } = activated.json() as { user: { displayName: string; profile: TestUser['profile'] } };
  return { id, login, displayName: user.displayName, profile: user.profile, password };
}

interface ClassMember { id: number; displayName: string; relatives: { id: number }[] }

t.test('a pupil the ONDE import moves to another class sees the new class’s homework from the next day, and keeps their ticks', async (t) => {
  platform.clock.set('2026-11-25T17:00:00Z');
  const school = await platform.createSchool({ name: 'École Paul Bert' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const onde = generateOndeSchool({ seed: 17, classes: 2, pupilsPerClass: 4 });
  await importOnde(director, school.id, onde.pupils, onde.guardians);
  const classes = ((await platform.as(director).inject(`/api/core/schools/${school.id}/classes`)).json() as { id: number; label: string; ondeId: string }[])
    .sort((a, b) => a.ondeId.localeCompare(b.ondeId));
  t.equal(classes.length, 2);
  const [from, to] = classes;
  // Each class's teacher (ONDE knows no teachers: the school names them).
  const teachers: TestUser[] = [];
  for (const c of [from!, to!]) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
    const named = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/classes/${c.id}/teachers`, payload: { userIds: [teacher.id] } });
    if (named.statusCode !== 200) throw new Error(named.body);
    teachers.push(teacher);
  }
  const write = async (teacherIndex: number, classId: number, payload: object) => {
    const response = await platform.as(teachers[teacherIndex]!).inject({ method: 'POST', url: `/api/textbook/classes/${classId}/entries`, payload });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as { id: number };
  };
  const day = { day: '2026-11-25', dueOn: '2026-11-26' };
  const oldWork = await write(0, from!.id, { ...HOMEWORK, ...day, title: 'Travail de l’ancienne classe' });
  await write(1, to!.id, { ...HOMEWORK, ...day, title: 'Travail de la nouvelle classe' });

  const members = (await platform.as(director).inject(`/api/core/schools/${school.id}/classes/${from!.id}/members`)).json() as { pupils: ClassMember[] };
  const chosen = members.pupils.sort((a, b) => a.id - b.id)[0]!;
  const pupilId = chosen.id;
  const parentId = Math.min(...chosen.relatives.map((r) => r.id));
  const [pupil, parent] = [await account(director, school.id, pupilId), await account(director, school.id, parentId)];
  const titles = async (user: TestUser) => ((await platform.as(user).inject(`/api/textbook/pupils/${pupilId}/homework`)).json().homework as { title: string; done: unknown }[]).map((h) => h.title);
  t.same(await titles(parent), ['Travail de l’ancienne classe']);
  t.equal((await platform.as(pupil).inject({ method: 'PUT', url: `/api/textbook/homework/${oldWork.id}/pupils/${pupilId}/done` })).statusCode, 201, 'the pupil ticks in the old class');

  // The evening's ONDE export has the pupil in the other class.
  const lines = decode(onde.pupils).split(/\r?\n/);
  const header = lines[0]!.split(';');
  const [labelAt, idAt] = [header.indexOf('Libellé classe'), header.indexOf('Identifiant classe')];
  // The chosen pupil's line: their name as the import writes it (NOM Prénom), in the class left.
  const nameOf = (c: string[]) => `${c[0]!.trim().toLocaleUpperCase('fr-FR')} ${c[2]!.trim()}`;
  const ine = lines.map((line) => line.split(';')).find((c) => c[idAt] === from!.ondeId && nameOf(c) === chosen.displayName)![5]!;
  const cells = lines.find((line) => line.split(';')[5] === ine)!.split(';');
  const model = lines.find((line) => line.split(';')[idAt] === to!.ondeId)!.split(';');
  // Cycle, level, class label and class id of the other class.
  for (const at of [labelAt - 2, labelAt - 1, labelAt, idAt]) cells[at] = model[at]!;
  const moved = lines.map((line) => (line.split(';')[5] === ine ? cells.join(';') : line)).join('\n');
  const guardians = decode(onde.guardians).replaceAll(`;${cells[0]};${cells[2]};${from!.label}`, `;${cells[0]};${cells[2]};${to!.label}`);
  const result = await importOnde(director, school.id, windows1252(moved), windows1252(guardians));
  t.equal(result.summary.pupils.moved, 1);

  // The next day: the new class's cahier, the old tick kept (and still the old teacher's 1/N).
  platform.clock.set('2026-11-26T07:00:00Z');
  t.same(await titles(parent), ['Travail de la nouvelle classe'], 'the parent sees the new class’s homework');
  t.same(await titles(pupil), ['Travail de la nouvelle classe'], 'so does the pupil');
  t.equal((await platform.knex('textbook.ticks').where({ pupil_id: pupilId, entry_id: oldWork.id })).length, 1, 'the tick stays');
  const book = (await platform.as(teachers[1]!).inject(`/api/textbook/classes/${to!.id}/entries?from=2026-11-23`)).json();
  t.match(book.entries[0], { done: { count: 0, of: 5 } }, 'the new class counts the pupil');
  const exported = await platform.as(parent).inject(`/api/textbook/pupils/${pupilId}/homework`);
  t.equal(exported.statusCode, 200);
});
