import t from 'tap';
import { createTestPlatform, type TestUser } from '../../src/testing/index.js';
import { buildSchool } from './school-builder.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const communication = platform.platform.communication;
const shape = { classes: [{ label: 'CM2 - Mme MARTIN', teachers: 1, pupils: 2, relativesPerPupil: [1, 1] }, { label: 'CE1 - M. PETIT', teachers: 1, pupils: 1, relativesPerPupil: [1] }], personnel: 0, guests: 0 };
const a = await buildSchool(platform, { name: 'École A', ...shape });
const b = await buildSchool(platform, { name: 'École B', ...shape });
const asUser = (p: { id: number; profile: TestUser['profile'] }): TestUser => ({ id: p.id, login: '', displayName: '', profile: p.profile, password: '' });
const localAdminA = await platform.createUser({ profile: 'Personnel', schools: [a.id], functions: [{ function: 'local-admin', schoolId: a.id }] });
const directorB = await platform.createUser({ profile: 'Teacher', schools: [b.id], functions: [{ function: 'director', schoolId: b.id }] });
const teacherA = a.people.find((p) => p.profile === 'Teacher')!;
const teacherB = b.people.find((p) => p.profile === 'Teacher')!;
const pupilB = b.people.find((p) => p.profile === 'Student')!;
const can = async (from: number, to: number) => (await communication.canCommunicate(from, { users: [to] })).all;

t.test('a gateway proposed by school A and accepted by school B opens exactly the chosen profiles, until it is closed', async (t) => {
  t.equal(await can(teacherA.id, teacherB.id), false, 'two schools are apart by default');
  const proposed = await platform.as(localAdminA).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: a.id, schoolB: b.id, profiles: ['Teacher'], purpose: 'Projet chorale' } });
  t.equal(proposed.statusCode, 201, proposed.body);
  t.equal(proposed.json().status, 'proposed');
  t.equal(await can(teacherA.id, teacherB.id), false, 'a proposal opens nothing');
  const id = proposed.json().id;
  t.equal((await platform.as(localAdminA).inject({ method: 'POST', url: `/api/core/gateways/${id}/accept` })).statusCode, 403, 'school A cannot accept its own proposal');
  const told = (await platform.as(directorB).inject('/api/core/timeline')).json().items;
  t.match(told[0], { type: 'gateway-proposed', resource: { app: 'core', url: `/admin/schools/${b.id}/communication` } }, 'the director of B is told in their timeline');
  const accepted = await platform.as(directorB).inject({ method: 'POST', url: `/api/core/gateways/${id}/accept` });
  const answer = (await platform.as(localAdminA).inject('/api/core/timeline')).json().items;
  t.match(answer[0], { type: 'gateway-answered', text: /a accepté la passerelle avec École B/ }, 'and the proposer hears the answer: accepted');
  t.equal(accepted.json().status, 'open');
  t.equal(await can(teacherA.id, teacherB.id), true, 'the teachers of A and B now reach each other');
  t.equal(await can(teacherB.id, teacherA.id), true, 'both ways');
  t.equal(await can(teacherA.id, pupilB.id), false, 'and nobody else');
  const seen = (await platform.as(asUser(teacherA)).inject('/api/core/directory/search?profile=Teacher&limit=100')).json();
  t.ok(seen.users.some((u: { id: number }) => u.id === teacherB.id), 'the address book finds the teacher of B');
  t.same(seen.otherSchools.map((s: { name: string }) => s.name), ['École B'], "and names B, the school that is not the user's own");
  const closed = await platform.as(localAdminA).inject({ method: 'POST', url: `/api/core/gateways/${id}/close` });
  t.equal(closed.json().status, 'closed');
  t.equal(await can(teacherA.id, teacherB.id), false, 'closing takes effect at once');
  const closedNews = (await platform.as(directorB).inject('/api/core/timeline')).json().items;
  t.match(closedNews[0], { type: 'gateway-closed', text: /a fermé la passerelle avec École A/ }, 'the other side is told it closed');
  t.notOk((await platform.as(localAdminA).inject('/api/core/timeline')).json().items.some((i: { type: string }) => i.type === 'gateway-closed'), 'not the side that closed it');
  const audit = await platform.knex('core.audit_log').where({ school_id: b.id }).whereIn('action', ['gateway-proposed', 'gateway-opened', 'gateway-closed']).pluck('action');
  t.same(audit.sort(), ['gateway-closed', 'gateway-opened', 'gateway-proposed']);
});

t.test('an academy administrator opens a gateway between two CM2 classes directly, with an end date', async (t) => {
  const pairs = [
    { groupA: await a.groupId('Student', a.classes[0]!.id), groupB: await b.groupId('Student', b.classes[0]!.id) },
    { groupA: await a.groupId('Teacher', a.classes[0]!.id), groupB: await b.groupId('Teacher', b.classes[0]!.id) },
  ];
  const opened = await platform.as(platform.admin).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: a.id, schoolB: b.id, pairs, endsOn: '2026-12-18' } });
  t.equal(opened.json().status, 'open');
  const pupilA = a.people.find((p) => p.profile === 'Student' && p.classIds.includes(a.classes[0]!.id))!;
  const pupilBcm2 = b.people.find((p) => p.profile === 'Student' && p.classIds.includes(b.classes[0]!.id))!;
  const pupilBce1 = b.people.find((p) => p.profile === 'Student' && p.classIds.includes(b.classes[1]!.id))!;
  t.equal(await can(pupilA.id, pupilBcm2.id), true, 'the correspondents write to each other');
  t.equal(await can(pupilA.id, pupilBce1.id), false, 'not to the other class');
  platform.clock.set('2026-12-19T09:00:00Z');
  t.equal(await can(pupilA.id, pupilBcm2.id), false, 'the gateway ends on its end date');
  platform.clock.set('2026-11-26T09:00:00Z');
  const foreign = await platform.as(localAdminA).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: a.id, schoolB: b.id, pairs: [{ groupA: pairs[0]!.groupB, groupB: pairs[0]!.groupA }] } });
  t.equal(foreign.json().code, 'PREAU_ERR_GROUP_OUTSIDE_SCHOOL');
  const stranger = await platform.as(directorB).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: a.id, schoolB: b.id, profiles: ['Teacher'] } });
  t.equal(stranger.statusCode, 403, 'only an administrator of school A proposes from A');
});

t.test("a proposal never shows the proposer the other school's group names, which that school's administrators see to decide", async (t) => {
  // Both schools were built alike: for the while of this test, B's groups get names of their own to look for.
  await platform.knex('core.groups').where({ school_id: b.id }).update({ name: platform.knex.raw("name || ' (Victor Hugo)'") });
  t.teardown(() => platform.knex('core.groups').where({ school_id: b.id }).update({ name: platform.knex.raw("replace(name, ' (Victor Hugo)', '')") }));
  const namesOfB = await platform.knex('core.groups').where({ school_id: b.id }).pluck('name');
  const leaks = (body: string) => namesOfB.filter((name: string) => body.includes(JSON.stringify(name)));
  const cm2OfB = await b.groupId('Student', b.classes[0]!.id);
  const proposed = await platform.as(localAdminA).inject({
    method: 'POST', url: '/api/core/gateways',
    payload: { schoolA: a.id, schoolB: b.id, profiles: ['Teacher'], pairs: [{ groupA: await a.groupId('Student', a.classes[0]!.id), groupB: cm2OfB }], purpose: 'Correspondance' },
  });
  t.equal(proposed.statusCode, 201, proposed.body);
  t.same(leaks(proposed.body), [], 'the answer to the proposal names none of B\'s groups');
  const pairs = proposed.json().pairs as { a: { name: string | null }; b: { id: number; name: string | null; profile: string | null } }[];
  t.ok(pairs.every((p) => typeof p.a.name === 'string'), 'the proposer sees their own groups');
  t.same(pairs.map((p) => p.b).sort((x, y) => x.id - y.id), [
    { id: await b.groupId('Teacher'), name: null, profile: 'Teacher' },
    { id: cm2OfB, name: null, profile: null },
  ].sort((x, y) => x.id - y.id), "B's teachers are described by their profile, B's class by nothing");
  const listedToA = await platform.as(localAdminA).inject(`/api/core/gateways?schoolId=${a.id}`);
  t.equal(listedToA.statusCode, 200);
  t.same(leaks(listedToA.body), [], "nor does A's list of gateways");

  const listedToB = await platform.as(directorB).inject(`/api/core/gateways?schoolId=${b.id}`);
  const seenByB = listedToB.json().find((g: { id: number }) => g.id === proposed.json().id);
  t.same(seenByB.pairs.map((p: { b: { name: string } }) => p.b.name).sort(), (await platform.knex('core.groups').whereIn('id', [cm2OfB, await b.groupId('Teacher')]).pluck('name')).sort(), "B's administrators see their groups");
  t.ok(seenByB.pairs.every((p: { a: { name: string | null } }) => typeof p.a.name === 'string'), "and A's, to decide");
  const accepted = await platform.as(directorB).inject({ method: 'POST', url: `/api/core/gateways/${proposed.json().id}/accept` });
  t.ok(accepted.json().pairs.every((p: { b: { name: string | null } }) => p.b.name !== null));
  const closed = await platform.as(localAdminA).inject({ method: 'POST', url: `/api/core/gateways/${proposed.json().id}/close` });
  t.equal(closed.json().status, 'closed');
  t.same(leaks(closed.body), [], 'open or closed, A still does not see them');
  const academy = (await platform.as(platform.admin).inject('/api/core/gateways')).json().find((g: { id: number }) => g.id === proposed.json().id);
  t.ok(academy.pairs.every((p: { b: { name: string | null } }) => p.b.name !== null), 'the academy administrator sees every name');
});

t.test('a school changes its rules and resets them to the defaults', async (t) => {
  const cm2 = a.classes[0]!.id;
  const [p1, p2] = a.people.filter((p) => p.profile === 'Relative' && p.childIds.some((id) => a.people.find((c) => c.id === id)!.classIds.includes(cm2)));
  t.equal(await can(p1!.id, p2!.id), true, 'by default the parents of a class write to each other');
  const parents = await a.groupId('Relative', cm2);
  const removed = await platform.as(localAdminA).inject({ method: 'DELETE', url: `/api/core/schools/${a.id}/communication/rules/${parents}/${parents}` });
  t.equal(removed.statusCode, 200, removed.body);
  t.equal(removed.json().custom, true);
  t.equal(await can(p1!.id, p2!.id), false, 'no longer once the rule is removed');
  t.equal(await can(p1!.id, teacherA.id), true, 'the other rules were kept');
  const guests = await a.groupId('Guest');
  const teachersCm2 = await a.groupId('Teacher', cm2);
  await platform.as(localAdminA).inject({ method: 'PUT', url: `/api/core/schools/${a.id}/communication/rules/${guests}/${teachersCm2}` });
  const guest = await platform.createUser({ profile: 'Guest', schools: [a.id] });
  t.equal(await can(guest.id, teacherA.id), true, 'a rule lets the partners write to the CM2 teachers');
  const reset = await platform.as(localAdminA).inject({ method: 'POST', url: `/api/core/schools/${a.id}/communication/rules/reset` });
  t.equal(reset.json().custom, false);
  t.equal(await can(p1!.id, p2!.id), true);
  t.equal(await can(guest.id, teacherA.id), false);
  t.equal((await platform.as(directorB).inject(`/api/core/schools/${a.id}/communication/rules`)).statusCode, 403, 'another school cannot read them');
});

t.test('a parent of CM2 finds the CM2 teacher in the address book, not a parent of another school', async (t) => {
  const cm2 = a.classes[0]!.id;
  const parent = a.people.find((p) => p.profile === 'Relative' && p.childIds.some((id) => a.people.find((c) => c.id === id)!.classIds.includes(cm2)))!;
  const as = platform.as(asUser(parent));
  const found = (await as.inject('/api/core/directory/search?q=sabine')).json();
  t.same(found.users.map((u: { id: number }) => u.id), [teacherA.id], 'only the teacher of their child, by first name, accents or not');
  const byGroup = (await as.inject(`/api/core/directory/search?q=${encodeURIComponent('parents cm2')}`)).json();
  t.same(byGroup.groups.map((g: { name: string }) => g.name), ['Parents — CM2 - Mme MARTIN']);
  const parentB = b.people.find((p) => p.profile === 'Relative')!;
  const all = (await as.inject('/api/core/directory/search?q=&limit=100')).json();
  t.notOk(all.users.some((u: { id: number }) => u.id === parentB.id), 'a parent of another school is not there');
  t.equal((await as.inject(`/api/core/directory/people/${parentB.id}`)).statusCode, 404, 'nor can their card be read');
  const card = await as.inject(`/api/core/directory/people/${teacherA.id}`);
  t.match(card.json(), { displayName: teacherA.name, profile: 'Teacher', classes: [{ label: 'CM2 - Mme MARTIN' }], email: null });
  const teachers = (await as.inject('/api/core/directory/my-childrens-teachers')).json();
  t.same(teachers.map((c: { classLabel: string; teachers: { id: number }[] }) => [c.classLabel, c.teachers.map((x) => x.id)]), [['CM2 - Mme MARTIN', [teacherA.id]]]);
});

t.test('a person shows their email on their card only if they chose to', async (t) => {
  await platform.knex('core.users').where({ id: teacherA.id }).update({ email: 'sabine@ecole.fr' });
  const parent = a.people.find((p) => p.profile === 'Relative')!;
  t.equal((await platform.as(asUser(parent)).inject(`/api/core/directory/people/${teacherA.id}`)).json().email, null);
  await platform.as(asUser(teacherA)).inject({ method: 'PATCH', url: '/api/core/me', payload: { showEmail: true } });
  t.equal((await platform.as(asUser(parent)).inject(`/api/core/directory/people/${teacherA.id}`)).json().email, 'sabine@ecole.fr');
});

t.test('a school administrator finds another school by its UAI code to propose a gateway; nobody else may look', async (t) => {
  const uai = (await platform.knex('core.schools').where({ id: b.id }).first('uai')).uai as string;
  const found = await platform.as(localAdminA).inject(`/api/core/schools/by-uai/${uai.toLowerCase()}`);
  t.equal(found.statusCode, 200, found.body);
  t.match(found.json(), { id: b.id, uai, name: 'École B' }, 'found whatever the letter case');
  t.equal((await platform.as(localAdminA).inject('/api/core/schools/by-uai/0000000Z')).json().code, 'PREAU_ERR_SCHOOL_NOT_FOUND');
  t.equal((await platform.as(localAdminA).inject('/api/core/schools/by-uai/not-a-code')).statusCode, 400, 'only a UAI code is asked for');
  t.equal((await platform.as(asUser(teacherA)).inject(`/api/core/schools/by-uai/${uai}`)).statusCode, 403, 'a teacher may not look schools up');
});

t.test('a refused proposal tells the proposer it was refused', async (t) => {
  const proposed = await platform.as(localAdminA).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: a.id, schoolB: b.id, profiles: ['Personnel'] } });
  t.equal(proposed.statusCode, 201, proposed.body);
  t.equal((await platform.as(directorB).inject({ method: 'POST', url: `/api/core/gateways/${proposed.json().id}/refuse` })).statusCode, 200);
  const items = (await platform.as(localAdminA).inject('/api/core/timeline')).json().items;
  t.match(items[0], { type: 'gateway-answered', text: /a refusé la passerelle avec École B/ });
});
