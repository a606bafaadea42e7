import t from 'tap';
import type { TestPlatform } from '@preau/core/testing';
import { HOMEWORK, textbookPlatform, textbookSchool } from './helpers/school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());
t.beforeEach(() => platform.clock.set('2026-11-26T09:00:00Z'));

type Subject = { id: number | null; name: string; hidden: boolean };
const subjectsUrl = (schoolId: number) => `/api/textbook/schools/${schoolId}/subjects`;

t.test("a school starts with the programme's subjects, which its teachers pick from", async (t) => {
  const s = await textbookSchool(platform);
  const list = (await platform.as(s.teacher).inject(subjectsUrl(s.schoolId))).json();
  t.match(list, { school: { id: s.schoolId }, mayEdit: false });
  t.same(list.subjects.slice(0, 3).map((x: Subject) => x.name), ['Français', 'Mathématiques', 'Questionner le monde']);
  t.ok(list.subjects.some((x: Subject) => x.name === 'EPS') && list.subjects.some((x: Subject) => x.name === 'EMC'));
  t.match((await platform.as(s.director).inject(subjectsUrl(s.schoolId))).json(), { mayEdit: true });
  const classes = (await platform.as(s.teacher).inject('/api/textbook/classes')).json();
  t.match(classes.schools, [{ id: s.schoolId, administers: false, subjects: list.subjects.map((x: Subject) => x.name) }]);
  const typed = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, subject: 'Bricolage' } });
  t.equal(typed.statusCode, 400, 'a subject off the list is refused');
  t.match(typed.json(), { code: 'TEXTBOOK_ERR_SUBJECT', message: /ne figure pas dans la liste de l'école/ });
  t.equal((await platform.knex('textbook.entries').where({ class_id: s.cm2.id })).length, 0, 'nothing written');
});

t.test('the director reorders, renames, hides and adds subjects; old entries keep theirs and can still be changed', async (t) => {
  const s = await textbookSchool(platform);
  const written = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, subject: 'Langues vivantes' } });
  t.equal(written.statusCode, 201, written.body);
  const defaults: Subject[] = (await platform.as(s.director).inject(subjectsUrl(s.schoolId))).json().subjects;
  const wanted = [
    { name: 'Mathématiques', hidden: false },
    { name: 'Français', hidden: false },
    { name: 'Anglais', hidden: false },
    { name: 'Langues vivantes', hidden: true },
    { name: 'Éducation physique et sportive', hidden: false },
  ];
  const saved = await platform.as(s.director).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload: { subjects: wanted } });
  t.equal(saved.statusCode, 200, saved.body);
  t.same(saved.json().subjects.map((x: Subject) => [x.name, x.hidden]), wanted.map((x) => [x.name, x.hidden]));
  t.ok(defaults.every((x) => x.id === null), 'the defaults had no ids before the first save');

  // Renamed in place (by id), moved to the top.
  const ids: Subject[] = saved.json().subjects;
  const renamed = [{ ...ids[4]!, name: 'EPS' }, ...ids.slice(0, 4)];
  const second = (await platform.as(s.director).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload: { subjects: renamed } })).json();
  t.same(second.subjects.map((x: Subject) => x.name), ['EPS', 'Mathématiques', 'Français', 'Anglais', 'Langues vivantes']);
  t.equal(second.subjects[0].id, ids[4]!.id, 'the same subject, renamed');

  const classes = (await platform.as(s.teacher).inject('/api/textbook/classes')).json();
  t.same(classes.schools[0].subjects, ['EPS', 'Mathématiques', 'Français', 'Anglais'], 'teachers pick among the shown ones, in the school’s order');
  const hidden = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, subject: 'Langues vivantes' } });
  t.equal(hidden.statusCode, 400, 'a hidden subject is not offered for new entries');
  const entryId = written.json().id;
  const kept = await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${entryId}`, payload: { subject: 'Langues vivantes', title: 'Chanson en anglais' } });
  t.equal(kept.statusCode, 200, 'an old entry keeps its hidden subject through a change');
  t.match(kept.json(), { subject: 'Langues vivantes', title: 'Chanson en anglais' });
  const moved = await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${entryId}`, payload: { subject: 'Anglais' } });
  t.match(moved.json(), { subject: 'Anglais' });
  t.equal((await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${entryId}`, payload: { subject: 'Langues vivantes' } })).statusCode, 400, 'and cannot go back to it');
  const parentView = (await platform.as(s.cm2.parents[0]!).inject(`/api/textbook/pupils/${s.cm2.pupils[0]!.id}/homework`)).json();
  t.match(parentView.homework, [{ subject: 'Anglais' }]);
});

t.test('a subject list that cannot be saved is refused in French and nothing changes', async (t) => {
  const s = await textbookSchool(platform);
  const put = (subjects: object[]) => platform.as(s.director).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload: { subjects } });
  const twice = await put([{ name: 'Français' }, { name: 'francais' }]);
  t.equal(twice.statusCode, 400);
  t.match(twice.json(), { code: 'TEXTBOOK_ERR_SUBJECTS', message: /figure deux fois/ });
  const allHidden = await put([{ name: 'Français', hidden: true }]);
  t.match(allHidden.json(), { code: 'TEXTBOOK_ERR_SUBJECTS', message: /au moins une matière visible/ });
  t.equal((await put([{ name: '   ' }])).statusCode, 400);
  t.equal((await put([])).statusCode, 400);
  // A subject of another school's list cannot be taken over by its id.
  const other = await platform.createSchool({ name: 'École Jules Ferry' });
  const otherDirector = await platform.createUser({ profile: 'Teacher', schools: [other], functions: [{ function: 'director', schoolId: other.id }] });
  const theirs = (await platform.as(otherDirector).inject({ method: 'PUT', url: subjectsUrl(other.id), payload: { subjects: [{ name: 'Français' }] } })).json().subjects[0];
  const stolen = await put([{ id: theirs.id, name: 'Volé' }]);
  t.equal(stolen.statusCode, 400);
  t.equal(await platform.knex('textbook.subjects').where({ school_id: s.schoolId }).first('id'), undefined, 'nothing written for this school');
  t.same((await platform.knex('textbook.subjects').where({ id: theirs.id }).first('name')), { name: 'Français' });
});

t.test("only the school's director and local administrators edit its list; strangers get 404", async (t) => {
  const s = await textbookSchool(platform);
  const payload = { subjects: [{ name: 'Français' }] };
  const refused = await platform.as(s.teacher).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'TEXTBOOK_ERR_SCHOOL_ADMIN');
  const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [s.school], functions: [{ function: 'local-admin', schoolId: s.schoolId }] });
  t.equal((await platform.as(localAdmin).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload })).statusCode, 200);
  t.equal((await platform.as(s.cm2.parents[0]!).inject(subjectsUrl(s.schoolId))).statusCode, 404, 'families do not read the settings');
  t.equal((await platform.as(s.cm2.pupils[0]!).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload })).statusCode, 404);
  t.equal((await platform.as(s.foreignTeacher).inject(subjectsUrl(s.schoolId))).statusCode, 404, 'a teacher of another school');
  t.equal((await platform.as(s.foreignTeacher).inject({ method: 'PUT', url: subjectsUrl(s.schoolId), payload })).statusCode, 404);
});
