import t from 'tap';
import { inflateSync } from 'node:zlib';
import { createTestPlatform } from '@preau/core/testing';
import liaison from '../src/index.js';

// WinAnsi is Latin-1 but for a few signs between 0x80 and 0x9f (Node decodes windows-1252 as Latin-1).
const WIN_ANSI: Record<number, string> = { 0x85: '…', 0x92: '’', 0x95: '•', 0x96: '–', 0x97: '—' };
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('') };

/** The text a PDF draws: its content streams inflated, each `<hex> Tj` decoded (Helvetica's WinAnsi). */
function drawnText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const shown: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) shown.push(winAnsi.decode(Buffer.from(text[1]!, 'hex')));
  }
  return shown.join('\n');
}

t.test('the slips PDF keeps the question with its answers, the lists and the link addresses', async (t) => {
  const platform = await createTestPlatform({ plugins: [liaison] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const ce2 = await platform.createClass({ school, label: 'CE2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const word = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: {
      title: 'Sortie au musée', category: 'autorisation', classIds: [ce2.id],
      body: '<p>Prévoir :</p><ul><li><p>un pique-nique</p></li><li><p>une casquette</p></li></ul><p>Programme sur <a href="https://musee.example/visite">le site du musée</a>.</p>',
      question: { kind: 'yes-no', prompt: 'Autorisez-vous votre enfant à participer ?', deadline: new Date(platform.clock.now().getTime() + 3 * 86_400_000).toISOString() },
    },
  });
  t.equal(word.statusCode, 201);
  const pdf = await platform.as(teacher).inject(`/api/liaison/words/${word.json().id}/slips.pdf`);
  t.equal(pdf.statusCode, 200);
  const text = drawnText(pdf.rawPayload);
  t.equal(text.match(/Autorisez-vous votre enfant à participer \?/g)?.length, 2, 'each of the two slips asks the question');
  t.match(text, /^Oui$/m, 'with its answers to tick');
  t.match(text, /^Non$/m);
  t.match(text, /Réponse attendue avant le /, 'and its deadline');
  t.match(text, /^• un pique-nique$/m, 'list items keep their bullets, one a line');
  t.match(text, /^• une casquette$/m);
  t.match(text, /le site du musée \(https:\/\/musee\.example\/visite\)/, 'a link keeps its address');
});
