import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { carnet, classWithFamilies, notify, word } from './notification-fixtures.js';

const platform = await createTestPlatform({ plugins: [carnet] });
t.teardown(() => platform.close());
const school = await platform.createSchool();
const cm2 = await classWithFamilies(platform, school, 'CM2 A', 6);
const ce1 = await classWithFamilies(platform, school, 'CE1 B', 3);
const other = await platform.createSchool();
const elsewhere = await classWithFamilies(platform, other, 'CM2 Z', 2);

t.test('a notification to a group reaches the timeline of every member and nobody else', async (t) => {
  const sent = await notify().send(word(cm2.teacher, { groups: [cm2.groups.parents] }, 'Sortie au musée jeudi'));
  t.equal(sent.recipients, 6);
  for (const parent of cm2.parents) {
    const body = (await platform.as(parent).inject('/api/core/timeline')).json();
    t.equal(body.items.length, 1, `${parent.login} has it`);
    t.match(body.items[0], {
      id: sent.id, app: 'carnet', type: 'word-posted', read: false,
      actor: { id: cm2.teacher.id, displayName: cm2.teacher.displayName },
      resource: { app: 'carnet', id: '1', url: '/apps/carnet/words/1' },
      text: `${cm2.teacher.displayName} a écrit un mot : Sortie au musée jeudi`,
    });
    t.equal(body.unread, 1);
  }
  for (const user of [cm2.teacher, ...cm2.pupils, ...ce1.parents, ...elsewhere.parents, platform.admin]) {
    t.same((await platform.as(user).inject('/api/core/timeline')).json().items, [], `${user.login} does not`);
  }
});

t.test('a user in a group and named among the users gets one row, and the actor none', async (t) => {
  const parent = cm2.parents[0]!;
  const sent = await notify().send(word(cm2.teacher, { users: [parent.id, cm2.teacher.id, parent.id], groups: [cm2.groups.parents, cm2.groups.teachers] }, 'Doublon'));
  t.equal(sent.recipients, 6);
  const rows = await platform.knex('core.notification_recipients').where({ notification_id: sent.id }).select('user_id');
  t.equal(rows.length, 6);
  t.notOk(rows.some((r: { user_id: number }) => r.user_id === cm2.teacher.id));
});

t.test('an undeclared type is refused and writes nothing', async (t) => {
  const before = await platform.knex('core.notifications').count({ n: '*' }).first();
  await t.rejects(notify().send({ ...word(cm2.teacher, { users: [cm2.parents[0]!.id] }, 'x'), type: 'word-deleted' }), { code: 'PREAU_ERR_NOTIFICATION_TYPE_UNKNOWN' });
  await t.rejects(notify().send({ ...word(cm2.teacher, { users: [cm2.parents[0]!.id] }, 'x'), type: 'lunch-menu.word-posted' }), { code: 'PREAU_ERR_NOTIFICATION_TYPE_UNKNOWN' });
  await t.rejects(
    notify().send({ ...word(cm2.teacher, { users: [cm2.parents[0]!.id] }, 'x'), resource: { app: 'carnet', id: '1', url: 'https://phishing.example/' } }),
    { code: 'PREAU_ERR_NOTIFICATION_INVALID' },
  );
  t.same(await platform.knex('core.notifications').count({ n: '*' }).first(), before);
});

t.test('the timeline pages by cursor, newest first, and filters by app', async (t) => {
  const parent = ce1.parents[0]!;
  const ids: number[] = [];
  for (let i = 1; i <= 25; i += 1) ids.push((await notify().send(word(ce1.teacher, { users: [parent.id] }, `Mot ${i}`, String(i)))).id);
  await notify().send({ type: 'gateway-proposed', recipients: { users: [parent.id] }, actor: null, resource: { app: 'core', id: '9', url: '/admin/gateways/9' }, params: { school: 'École B' } });
  const as = platform.as(parent);
  const first = (await as.inject('/api/core/timeline?limit=10&app=carnet')).json();
  t.same(first.items.map((i: { id: number }) => i.id), ids.slice(-10).reverse());
  t.equal(first.nextBefore, ids[15]);
  const second = (await as.inject(`/api/core/timeline?limit=10&app=carnet&before=${first.nextBefore}`)).json();
  t.same(second.items.map((i: { id: number }) => i.id), ids.slice(5, 15).reverse());
  const last = (await as.inject(`/api/core/timeline?limit=10&app=carnet&before=${second.nextBefore}`)).json();
  t.same(last.items.map((i: { id: number }) => i.id), ids.slice(0, 5).reverse());
  t.equal(last.nextBefore, null);
  const all = (await as.inject('/api/core/timeline?limit=1')).json();
  t.match(all.items[0], { app: 'core', type: 'gateway-proposed', actor: null, text: 'Préau propose une passerelle avec École B' });
  t.equal(all.unread, 26);
  t.equal((await as.inject('/api/core/timeline?limit=500')).statusCode, 400);
});

t.test('reading, reading all and hiding change the unread count of that user only', async (t) => {
  const [a, b] = cm2.parents as [typeof cm2.parents[0], typeof cm2.parents[0]];
  const first = await notify().send(word(cm2.teacher, { users: [a.id, b.id] }, 'Piscine'));
  const second = await notify().send(word(cm2.teacher, { users: [a.id, b.id] }, 'Cantine'));
  const as = platform.as(a);
  const count = async (user = a) => (await platform.as(user).inject('/api/core/timeline/unread-count')).json().count as number;
  const start = await count();
  const startB = await count(b);
  t.same((await as.inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [first.id] } })).json(), { read: 1, unread: start - 1 });
  t.equal((await as.inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [first.id] } })).json().read, 0, 'reading twice changes nothing');
  const timeline = (await as.inject('/api/core/timeline')).json();
  t.equal(timeline.items.find((i: { id: number }) => i.id === first.id).read, true);
  t.equal((await as.inject({ method: 'POST', url: `/api/core/timeline/${second.id}/hide` })).statusCode, 204);
  t.notOk((await as.inject('/api/core/timeline')).json().items.some((i: { id: number }) => i.id === second.id), 'hidden from the timeline');
  t.equal(await count(), start - 2);
  t.equal(await count(b), startB, 'the other parent keeps theirs');
  t.equal((await as.inject({ method: 'POST', url: '/api/core/timeline/read', payload: { all: true } })).json().unread, 0);
  t.equal(await count(b), startB);
  // Someone else's item, or one that does not exist, cannot be hidden.
  const notMine = await notify().send(word(ce1.teacher, { users: [ce1.parents[1]!.id] }, 'Privé'));
  t.equal((await as.inject({ method: 'POST', url: `/api/core/timeline/${notMine.id}/hide` })).statusCode, 404);
  t.equal((await as.inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [notMine.id] } })).json().read, 0);
  t.equal(await count(ce1.parents[1]), 1);
  t.equal((await platform.inject('/api/core/timeline')).statusCode, 401);
});

t.test('every unread counter equals the unread rows it stands for', async (t) => {
  const drift = await platform.knex.raw(
    `select u.id, coalesce(c.count, 0) as counter,
            (select count(*) from core.notification_recipients r where r.user_id = u.id and r.read_at is null and r.hidden_at is null) as actual
       from core.users u left join core.notification_unread c on c.user_id = u.id`,
  );
  const wrong = drift.rows.filter((row: { counter: number | string; actual: number | string }) => Number(row.counter) !== Number(row.actual));
  t.same(wrong, []);
});

t.test('sending to a larger group takes the same few statements (set-based, no query per member)', async (t) => {
  const big = await classWithFamilies(platform, school, 'CM1 C', 40);
  const statementsOf = async (group: number): Promise<number> => {
    let count = 0;
    const listener = (): void => void (count += 1);
    platform.knex.on('query', listener);
    try {
      await notify().send(word(big.teacher, { groups: [group] }, 'Compter'));
      await platform.platform.notifications.drain();
    } finally {
      platform.knex.off('query', listener);
    }
    return count;
  };
  const small = await statementsOf(ce1.groups.parents);
  const large = await statementsOf(big.groups.parents);
  t.equal(large, small, `${small} statements for 3 parents and for 40`);
  t.ok(small <= 12, `${small} statements`);
});
