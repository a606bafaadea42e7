import t from 'tap';
import { folder, sharingSchool } from './sharing-school.js';

const school = await sharingSchool();
const { platform, sharing, teacher, otherTeacher, teacherB, cm2, ce1, a } = school;
t.teardown(() => platform.close());
const { knex } = platform;
const parentsOfCm2 = await school.group('cm2', 'Relative');
const parentsOfCe1 = await school.group('ce1', 'Relative');
const [parent1, parent2] = [cm2.relatives[0]![0]!, cm2.relatives[1]![0]!];
const ce1Parent = ce1.relatives[0]![0]!;
const grantsOf = async (key: string) =>
  knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id').where({ 'r.app': 'folders', 'r.key': key })
    .orderBy(['s.user_id', 's.group_id']).select('s.user_id', 's.group_id', 's.role', 's.school_id', 's.granted_by');
const toldAbout = async (key: string) =>
  knex('core.notifications as n').join('core.notification_recipients as r', 'r.notification_id', 'n.id')
    .where({ 'n.type': 'shared-with-you' }).whereRaw(`n.resource->>'id' = ?`, [`folders/folder/${key}`])
    .orderBy('r.user_id').select('r.user_id', 'n.actor_id', 'n.params', 'n.resource');

const outing = folder('sortie');
await sharing.register(outing, { owner: teacher.id });

t.test('a teacher shares a folder with her class’s parents and a colleague, who are told', async (t) => {
  await sharing.grant(outing, { role: 'read', groups: [parentsOfCm2], users: [otherTeacher.id] }, { by: teacher.id, notify: { name: 'Sortie au musée' } });
  t.same(await grantsOf('sortie'), [
    { user_id: otherTeacher.id, group_id: null, role: 'read', school_id: a.id, granted_by: teacher.id },
    { user_id: null, group_id: parentsOfCm2, role: 'read', school_id: a.id, granted_by: teacher.id },
  ]);
  const told = await toldAbout('sortie');
  t.same(told.map((row) => row.user_id).sort((x, y) => x - y), [otherTeacher.id, parent1.id, parent2.id].sort((x, y) => x - y), 'the colleague and each parent, not the teacher');
  t.match(told[0], {
    actor_id: teacher.id,
    params: { whatFr: 'un dossier « Sortie au musée »', whatEn: 'a folder “Sortie au musée”' },
    resource: { app: 'core', url: '/apps/folders/sortie' },
  });
  const timeline = (await platform.as(parent1).inject('/api/core/timeline')).json();
  t.match(timeline.items[0], { type: 'shared-with-you', text: 'MARTIN Sophie a partagé un dossier « Sortie au musée » avec vous' });
});

t.test('changing a role keeps one grant per person; only those who gain access are told again', async (t) => {
  const before = (await toldAbout('sortie')).length;
  await sharing.grant(outing, { role: 'contribute', users: [otherTeacher.id] }, { by: teacher.id });
  await sharing.grant(outing, { role: 'read', users: [otherTeacher.id] }, { by: teacher.id });
  t.same((await grantsOf('sortie')).map((g) => g.role), ['read', 'read'], 'still one grant for the colleague, now read again');
  t.equal((await toldAbout('sortie')).length, before + 1, 'told of contribute, not of going back to read');
});

t.test('nobody may share with people the communication rules keep from them, and a refused share writes nothing', async (t) => {
  await sharing.grant(outing, { role: 'manage', users: [parent1.id] }, { by: teacher.id, notify: false });
  const before = await grantsOf('sortie');
  const refusal = { code: 'PREAU_ERR_SHARE_RECIPIENTS_REFUSED', statusCode: 403 };
  await t.rejects(sharing.grant(outing, { role: 'read', users: [parent2.id, ce1Parent.id] }, { by: parent1.id }), { ...refusal, details: { users: [ce1Parent.id], groups: [] } },
    'a CM2 parent reaches the CM2 families, not a CE1 parent');
  await t.rejects(sharing.grant(outing, { role: 'read', groups: [parentsOfCe1] }, { by: parent1.id }), { ...refusal, details: { users: [], groups: [parentsOfCe1] } });
  await t.rejects(sharing.grant(outing, { role: 'read', users: [teacherB.id] }, { by: teacher.id }), refusal, 'nor a teacher of a school without a gateway');
  await t.rejects(sharing.grant(outing, { role: 'read', users: [2_000_000] }, { by: teacher.id }), refusal, 'nor someone who does not exist');
  t.same(await grantsOf('sortie'), before);
  await sharing.grant(outing, { role: 'read', users: [parent2.id] }, { by: parent1.id, notify: false });
  t.equal(await sharing.roleOf(parent2.id, outing), 'read', 'a parent who manages it shares within their reach');
});

t.test('only the owner and managers share; readers and contributors are refused, others are told it is not there', async (t) => {
  await sharing.grant(outing, { role: 'contribute', users: [otherTeacher.id] }, { by: teacher.id, notify: false });
  const before = await grantsOf('sortie');
  await t.rejects(sharing.grant(outing, { role: 'read', users: [parent1.id] }, { by: parent2.id }), { code: 'PREAU_ERR_SHARE_MANAGE_REQUIRED', statusCode: 403 });
  await t.rejects(sharing.grant(outing, { role: 'read', groups: [parentsOfCe1] }, { by: otherTeacher.id }), { code: 'PREAU_ERR_SHARE_MANAGE_REQUIRED' });
  await t.rejects(sharing.grant(outing, { role: 'read', users: [ce1Parent.id] }, { by: ce1Parent.id }), { code: 'PREAU_ERR_SHARE_NOT_FOUND', statusCode: 404 });
  await t.rejects(sharing.revoke(outing, { user: parent2.id }, { by: otherTeacher.id }), { code: 'PREAU_ERR_SHARE_MANAGE_REQUIRED' });
  await t.rejects(sharing.grant(outing, { role: 'read' }, { by: teacher.id }), { code: 'PREAU_ERR_SHARE_NO_RECIPIENT', statusCode: 400 });
  t.same(await grantsOf('sortie'), before);
});

t.test('managing a folder lets one share what is inside it', async (t) => {
  const inside = folder('sortie-photos');
  await sharing.register(inside, { owner: teacher.id, parent: outing });
  await sharing.grant(inside, { role: 'contribute', users: [parent2.id] }, { by: parent1.id, notify: false });
  t.equal(await sharing.roleOf(parent2.id, inside), 'contribute');
});

t.test('revoking takes the access away at once; revoking again finds nothing', async (t) => {
  t.equal(await sharing.revoke(outing, { group: parentsOfCm2 }, { by: teacher.id }), true);
  t.equal(await sharing.revoke(outing, { group: parentsOfCm2 }, { by: teacher.id }), false);
  t.notOk((await grantsOf('sortie')).some((g) => g.group_id === parentsOfCm2));
  const newcomer = await platform.createUser({ profile: 'Relative', schools: [a] });
  await platform.linkRelative(newcomer, cm2.pupils[0]!);
  t.equal(await sharing.roleOf(newcomer.id, outing), null, 'the group no longer reads it');
});

t.test('the app’s own grant (by: null) skips the sharer’s checks, not the grantees’ existence', async (t) => {
  const classFolder = folder('classe-cm2');
  await sharing.register(classFolder, { owner: null });
  await sharing.grant(classFolder, { role: 'contribute', groups: [await school.group('cm2', 'Teacher')], users: [teacherB.id] }, { by: null, notify: false });
  t.same([await sharing.roleOf(teacher.id, classFolder), await sharing.roleOf(teacherB.id, classFolder)], ['contribute', 'contribute']);
  await t.rejects(sharing.grant(classFolder, { role: 'read', groups: [2_000_000] }, { by: null }), { code: 'PREAU_ERR_SHARE_RECIPIENTS_REFUSED' });
});

t.test('a share made in the app’s own transaction is undone with it, and nobody is told', async (t) => {
  const draft = folder('brouillon');
  await t.rejects(knex.transaction(async (transaction) => {
    await sharing.register(draft, { owner: teacher.id, transaction });
    await sharing.grant(draft, { role: 'read', users: [parent1.id] }, { by: teacher.id, transaction });
    t.equal(await sharing.roleOf(parent1.id, draft, { transaction }), 'read', 'seen inside the transaction');
    throw new Error('the app failed afterwards');
  }), /the app failed afterwards/);
  t.notOk(await knex('core.shared_resources').where({ app: 'folders', key: 'brouillon' }).first('id'));
  t.same(await toldAbout('brouillon'), []);
  await knex.transaction(async (transaction) => {
    await sharing.register(draft, { owner: teacher.id, transaction });
    await sharing.grant(draft, { role: 'read', users: [parent1.id] }, { by: teacher.id, transaction });
  });
  await platform.platform.sharing.drain();
  t.same((await toldAbout('brouillon')).map((row) => row.user_id), [parent1.id], 'told once it committed');
});
