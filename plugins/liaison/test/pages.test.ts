import t from 'tap';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

const s = await cm2School();
t.teardown(() => s.platform.close());
const { platform, teacher, families } = s;
const ids: number[] = [];
for (let i = 0; i < 3; i += 1) {
  const word = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, title: `Mot ${i + 1}`, classIds: [s.classId] } });
  ids.push((word.json() as { id: number }).id);
}

t.test('a family walks its words page by page with the cursor each page gives', async (t) => {
  const parent = families[0]!.relatives[0]!;
  const url = `/api/liaison/children/${families[0]!.pupil.id}/words?limit=2`;
  const first = (await platform.as(parent).inject(url)).json() as { words: { id: number }[]; next: string | null };
  t.equal(first.words.length, 2);
  t.match(first.next, /^\d+\.\d+$/);
  const second = (await platform.as(parent).inject(`${url}&before=${first.next}`)).json() as { words: { id: number }[]; next: string | null };
  t.same([...first.words, ...second.words].map((w) => w.id).sort(), [...ids].sort(), 'every word once');
});

t.test('a teacher pages by word id', async (t) => {
  const page = (await platform.as(teacher).inject(`/api/liaison/words?limit=2&before=${Math.max(...ids)}`)).json() as { id: number }[];
  t.same(page.map((w) => w.id), [...ids].sort((a, b) => b - a).slice(1));
});

t.test('a malformed cursor or an oversized id is a coded 400, not a database error', async (t) => {
  const parent = families[0]!.relatives[0]!;
  for (const [user, url] of [
    [teacher, '/api/liaison/words?before=1.1'],
    [teacher, '/api/liaison/words?before=2147483648'],
    [parent, `/api/liaison/children/${families[0]!.pupil.id}/words?before=1.1.1`],
    [parent, `/api/liaison/children/${families[0]!.pupil.id}/words?before=1700000000000.2147483648`],
    [parent, '/api/liaison/me/words?before=1.8640000000000001.1'],
    [teacher, '/api/liaison/words/2147483648/tracking'],
  ] as const) {
    const response = await platform.as(user).inject(url);
    t.equal(response.statusCode, 400, url);
    t.match(response.json().code, /^PREAU_ERR_(VALIDATION|CURSOR)$/);
    t.match(response.json().message, /^(Le champ « |Requête invalide)/, 'a French message');
  }
});
