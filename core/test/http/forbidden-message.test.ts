import t from 'tap';
import { definePlugin, Type } from '@preau/sdk';
import { createTestPlatform } from '../../src/testing/index.js';

/** An app whose one route needs a right that pupils do not hold. */
const slips = definePlugin({
  name: 'slips',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Coupons', en: 'Slips' },
  rights: { sign: { title: { fr: 'Signer un coupon', en: 'Sign a slip' }, default: ['Relative'] } },
  routes: (app) => {
    app.post('/signatures', { config: { right: 'sign' }, schema: { response: { 201: Type.Object({ ok: Type.Boolean() }) } } }, async (_request, reply) => reply.code(201).send({ ok: true }));
  },
});

t.test('a refusal is written wholly in the language of the person refused', async (t) => {
  const platform = await createTestPlatform({ plugins: [slips] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool();
  const english = await platform.createUser({ profile: 'Student', schools: [school], language: 'en' });
  const french = await platform.createUser({ profile: 'Student', schools: [school] });
  const englishTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], language: 'en' });

  const refusedInEnglish = await platform.as(english).inject({ method: 'POST', url: '/api/slips/signatures' });
  t.same(refusedInEnglish.json(), { code: 'PREAU_ERR_FORBIDDEN', message: 'You are not allowed to use “sign” in slips.' });
  const refusedInFrench = await platform.as(french).inject({ method: 'POST', url: '/api/slips/signatures' });
  t.same(refusedInFrench.json(), { code: 'PREAU_ERR_FORBIDDEN', message: "Vous n'avez pas le droit d'utiliser « sign » dans slips." });

  const notAdministrator = await platform.as(englishTeacher).inject(`/api/core/schools/${school.id}/rights`);
  t.equal(notAdministrator.statusCode, 403);
  t.equal(notAdministrator.json().message, 'You are not allowed to administer this school.');
});
