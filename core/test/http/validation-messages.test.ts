import t from 'tap';
import { definePlugin, fieldLabel, Type } from '@preau/sdk';
import { createTestPlatform, type TestPlatform, type TestUser } from '../../src/testing/index.js';

/** A tiny app with the kinds of fields forms have; `sendAt` names itself as its form does. */
const notes = definePlugin({
  name: 'notes',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Notes', en: 'Notes' },
  routes: (app) => {
    app.post('/notes', {
      schema: {
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 20 }),
          sendAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], fieldLabel("Date d'envoi du mot", 'Sending date'))),
          category: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('sortie')])),
          classIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 }),
        }, { additionalProperties: false }),
        response: { 201: Type.Object({ ok: Type.Boolean() }) },
      },
    }, async (_request, reply) => reply.code(201).send({ ok: true }));
  },
});

let platform: TestPlatform;
let teacher: TestUser;
let school: Awaited<ReturnType<TestPlatform['createSchool']>>;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [notes] });
  school = await platform.createSchool({ name: 'École Jean Moulin' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
});
t.teardown(() => platform.close());

const post = (payload: unknown, user: TestUser = teacher) => platform.as(user).inject({ method: 'POST', url: '/api/notes/notes', payload: payload as Record<string, unknown> });

t.test('an empty title is told in French, naming the field as the form does', async (t) => {
  const response = await post({ title: '', classIds: [1] });
  t.equal(response.statusCode, 400);
  t.same(response.json(), {
    code: 'PREAU_ERR_VALIDATION',
    message: 'Le champ « Titre » est obligatoire.',
    details: [{ field: 'body.title', label: 'Titre', problem: 'Le champ « Titre » est obligatoire.' }],
  });
});

t.test('each failing field gets one sentence, a union of choices is told once, and the schema’s own label wins', async (t) => {
  const response = await post({ title: 'x'.repeat(21), sendAt: 'demain', category: 'fête', classIds: [] });
  t.equal(response.statusCode, 400);
  const body = response.json();
  t.same(body.details.map((d: { problem: string }) => d.problem).sort(), [
    'Le champ « Catégorie » n’a pas une valeur possible.',
    'Le champ « Classes » doit contenir au moins un élément.',
    'Le champ « Date d\'envoi du mot » doit être une date valide.',
    'Le champ « Titre » doit contenir au plus 20 caractères.',
  ].sort());
  t.notMatch(body.message, /must|body\.|anyOf|NOT/, 'nothing of ajv’s English is left');
});

t.test('a missing field and an unknown one are named too', async (t) => {
  const response = await post({ titel: 'Sortie' });
  const details = response.json().details as { field: string; problem: string }[];
  t.same(details.map((d) => [d.field, d.problem]).sort(), [
    ['body.classIds', 'Le champ « Classes » est obligatoire.'],
    ['body.titel', 'Le champ « titel » n’est pas attendu ici.'],
    ['body.title', 'Le champ « Titre » est obligatoire.'],
  ]);
});

t.test('an English user reads the same in English', async (t) => {
  const english = await platform.createUser({ profile: 'Teacher', schools: [school], language: 'en' });
  const response = await post({ title: '', classIds: [1] }, english);
  t.equal(response.json().message, 'The field “Title” is required.');
});
