import t from 'tap';
import { definePlugin, Type } from '@preau/sdk';
import { createTestPlatform } from '../../src/testing/index.js';

/** A tiny app whose route needs the `acknowledge` right: relatives by default, as in the liaison notebook. */
const slips = definePlugin({
  name: 'slips',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Coupons', en: 'Slips' },
  rights: { acknowledge: { title: { fr: 'Signer un coupon', en: 'Sign a slip' }, default: ['Relative'] } },
  routes: (app) => {
    app.post('/signatures', { config: { right: 'acknowledge' }, schema: { response: { 201: Type.Object({ ok: Type.Boolean() }) } } }, async (_request, reply) => reply.code(201).send({ ok: true }));
    // As the lunch menu publishes: for one of the schools the request may act for.
    app.post('/schools/:schoolId/signatures', {
      config: { right: 'acknowledge' },
      schema: { params: Type.Object({ schoolId: Type.Integer() }), response: { 201: Type.Object({ ok: Type.Boolean() }), 403: Type.Object({ ok: Type.Boolean() }) } },
    }, async (request, reply) => {
      const mine = request.currentSchools.some((school) => school.id === request.params.schoolId);
      return reply.code(mine ? 201 : 403).send({ ok: mine });
    });
  },
});

t.test("a school's administrators give a plugin's right to another profile in their school only, and take it back", async (t) => {
  const platform = await createTestPlatform({ plugins: [slips] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const other = await platform.createSchool({ name: 'École Victor Hugo' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const pupil = await platform.createUser({ profile: 'Student', schools: [school] });
  const acknowledge = () => platform.as(pupil).inject({ method: 'POST', url: '/api/slips/signatures' });
  t.equal((await acknowledge()).statusCode, 403, 'by default a pupil does not acknowledge');

  const listed = await platform.as(director).inject(`/api/core/schools/${school.id}/rights`);
  t.equal(listed.statusCode, 200);
  const ack = listed.json().find((r: { app: string; right: string }) => r.app === 'slips' && r.right === 'acknowledge');
  t.same([ack.defaults, ack.profiles, ack.overridden], [['Relative'], ['Relative'], false], 'the default, as the plugin declares it');

  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/rights/slips/acknowledge`, payload: { profiles: ['Relative', 'Student'] } })).statusCode, 403, 'a teacher cannot change rights');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${other.id}/rights/slips/acknowledge`, payload: { profiles: ['Student'] } })).statusCode, 403, 'nor a director in another school');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/rights/slips/fly`, payload: { profiles: ['Student'] } })).json().code, 'PREAU_ERR_RIGHT_UNKNOWN');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/rights/slips/acknowledge`, payload: { profiles: ['Pirate'] } })).statusCode, 400, 'an unknown profile is a 400');

  const changed = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/rights/slips/acknowledge`, payload: { profiles: ['Relative', 'Student'] } });
  t.same(changed.json().profiles, ['Relative', 'Student']);
  t.ok(changed.json().overridden);
  t.equal((await acknowledge()).statusCode, 201, "now the school's pupils sign");
  const otherPupil = await platform.createUser({ profile: 'Student', schools: [other] });
  t.notOk(platform.platform.plugins.get('slips')!.services!.rights.can({ ...otherPupil, language: 'fr', schools: [{ id: other.id, uai: '', name: '' }], functions: [] }, 'slips', 'acknowledge'), 'not in another school');
  t.equal((await platform.knex('core.audit_log').where({ action: 'right-changed', school_id: school.id }).count<{ count: number }[]>('* as count'))[0]!.count, 1, 'audited');

  const reset = await platform.as(director).inject({ method: 'DELETE', url: `/api/core/schools/${school.id}/rights/slips/acknowledge` });
  t.same([reset.json().profiles, reset.json().overridden], [['Relative'], false], 'back to the default');
});

t.test('a member of two schools uses a right only in the school that gives it to them', async (t) => {
  const platform = await createTestPlatform({ plugins: [slips] });
  t.teardown(() => platform.close());
  const giving = await platform.createSchool({ name: 'École Jean Moulin' });
  const keeping = await platform.createSchool({ name: 'École Victor Hugo' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [giving], functions: [{ function: 'director', schoolId: giving.id }] });
  // A pupil enrolled in two schools (a ULIS pupil between their school and the one of the scheme).
  const pupil = await platform.createUser({ profile: 'Student', schools: [giving, keeping] });
  const sign = (schoolId: number) => platform.as(pupil).inject({ method: 'POST', url: `/api/slips/schools/${schoolId}/signatures` });
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${giving.id}/rights/slips/acknowledge`, payload: { profiles: ['Relative', 'Student'] } })).statusCode, 200);

  t.equal((await sign(giving.id)).statusCode, 201, 'in the school that gave pupils the right');
  t.equal((await sign(keeping.id)).statusCode, 403, 'not in the school that keeps it for relatives');
});
