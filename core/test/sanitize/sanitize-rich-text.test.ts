import t from 'tap';
import { sanitizeRichText, richTextToPlainText, richTextToPrintText } from '../../src/sanitize/sanitize-rich-text.js';
import { XSS_PAYLOADS } from '../../src/testing/index.js';

// What may never survive, looked for in the tags only (escaped text such as `&lt;img onerror=…&gt;` is text):
// tags that run or load things, event handlers, dangerous URLs in href/src, and styles that escape their box.
const DANGEROUS_TAG = /^<\/?(script|iframe|object|embed|form|button|input|base|meta|link|style|svg|math|template|textarea|select|source|track|details|body|area|isindex|marquee|xmp|noscript|plaintext)\b/i;
const DANGEROUS_ATTRIBUTE = /\s(on[a-z]+|srcdoc|formaction|xlink:href|background|action)\s*=/i;
const DANGEROUS_URL = /^\s*(javascript|vbscript|data|blob):|^\/\//i;
const DANGEROUS_STYLE = /expression\s*\(|url\s*\(|behavior|binding|position|@import/i;

function danger(html: string): string | undefined {
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    if (DANGEROUS_TAG.test(tag)) return `tag ${tag}`;
    const withoutValues = tag.replace(/"[^"]*"/g, '""');
    if (DANGEROUS_ATTRIBUTE.test(withoutValues)) return `attribute in ${tag}`;
    for (const [, name, value] of tag.matchAll(/\s(href|src|style)="([^"]*)"/gi)) {
      const decoded = value!.replace(/&amp;/g, '&').replace(/&colon;/g, ':');
      if (name!.toLowerCase() === 'style' ? DANGEROUS_STYLE.test(decoded) : DANGEROUS_URL.test(decoded)) return `${name} in ${tag}`;
    }
    // A player loads only a file inserted in the text (readers only), never another site's or an address.
    if (/^<(audio|video)\b/i.test(tag) && !/\ssrc="\/api\/core\/files\/[a-f0-9]{32}"/.test(tag)) return `player source in ${tag}`;
    if (/^<(audio|video)\b/i.test(tag) && /\sposter="(?!\/api\/core\/files\/[a-f0-9]{32}")/.test(tag)) return `poster in ${tag}`;
    if (/data-latex="[^"]*\\(href|url|includegraphics|html)/i.test(tag)) return `latex command in ${tag}`;
  }
  return undefined;
}
const normalizeStyles = (html: string) => html.replace(/style="([^"]*)"/g, (_m, css: string) => `style="${css.replace(/:\s+/g, ':').replace(/;\s+/g, ';')}"`);

t.test(`none of the ${XSS_PAYLOADS.length} XSS payloads survives sanitizing`, async (t) => {
  t.ok(XSS_PAYLOADS.length >= 100, 'at least 100 payloads');
  const seen = XSS_PAYLOADS.filter((payload) => danger(payload)).length;
  t.ok(seen >= XSS_PAYLOADS.length * 0.85, `the checker sees the danger in ${seen} raw payloads (it is not vacuous)`);
  for (const payload of XSS_PAYLOADS) {
    const clean = sanitizeRichText(payload);
    const found = danger(clean);
    if (found) t.fail(`${JSON.stringify(payload)} → ${JSON.stringify(clean)} (${found})`);
    if (sanitizeRichText(clean) !== clean) t.fail(`sanitizing is not stable for ${JSON.stringify(payload)}`);
  }
  t.pass('all payloads neutralized');
});

t.test("what the editor writes comes through unchanged", async (t) => {
  const samples = [
    '<h2 style="text-align: center">Sortie au musée</h2>',
    '<p>Bonjour, <strong>gras</strong> <em>italique</em> <u>souligné</u> <s>barré</s> H<sub>2</sub>O x<sup>2</sup></p>',
    '<p><span style="color: #e03e2d">rouge</span> <mark data-color="#fbeeb8" style="background-color: #fbeeb8; color: inherit">surligné</mark> <span style="font-size: 18px">grand</span></p>',
    '<ul><li><p>un</p></li><li><p>deux</p></li></ul><ol start="3"><li><p>trois</p></li></ol>',
    '<p style="margin-left: 2em">retrait</p><blockquote><p>citation</p></blockquote><hr />',
    '<p><a href="https://www.education.gouv.fr" target="_blank" rel="noopener noreferrer nofollow">lien</a> <a href="mailto:ecole@exemple.fr" rel="nofollow">courriel</a></p>',
    '<p><img src="/api/storage/files/12" alt="Dessin" /></p>',
    '<p><audio src="/api/core/files/0123456789abcdef0123456789abcdef" controls preload="metadata"></audio></p>',
    '<video src="/api/core/files/0123456789abcdef0123456789abcdef" poster="/api/core/files/fedcba9876543210fedcba9876543210" controls preload="metadata"></video>',
    '<table style="min-width: 50px"><colgroup><col style="min-width: 25px" /></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>Jour</p></th><td colspan="1" rowspan="1"><p>Lundi</p></td></tr></tbody></table>',
    '<p><span data-type="inline-math" data-latex="\\frac{1}{2}"></span> <span data-type="emoji" data-name="smile">😄</span></p><div data-type="block-math" data-latex="x^2"></div>',
  ];
  for (const html of samples) t.equal(sanitizeRichText(html), normalizeStyles(html), html.slice(0, 60));
});

t.test('links get safe rel values, foreign media and unknown styles go, text stays', async (t) => {
  t.equal(sanitizeRichText('<a href="https://exemple.fr" target="_blank" rel="opener">x</a>'), '<a href="https://exemple.fr" target="_blank" rel="noopener noreferrer nofollow">x</a>');
  t.equal(sanitizeRichText('<p><img src="http://exemple.fr/x.png" alt="x" />texte</p>'), '<p>texte</p>', 'no plain-http image');
  t.equal(sanitizeRichText('<p style="color: red; float: left">x</p>'), '<p>x</p>', 'named colours and layout styles are not in the schema');
  t.equal(sanitizeRichText('<p class="x" id="y">x</p>'), '<p>x</p>');
  t.equal(sanitizeRichText('<font color="red">x</font>'), 'x', 'unknown tags leave their text');
  t.equal(sanitizeRichText('<script>alert(1)</script>après'), 'après', 'script content does not become text');
});

t.test('players keep only files inserted in the text, their controls and preload="metadata", nothing else', async (t) => {
  const file = '/api/core/files/0123456789abcdef0123456789abcdef';
  t.equal(sanitizeRichText(`<audio src="${file}" autoplay loop onplay="alert(1)" preload="auto"></audio>`), `<audio src="${file}" controls preload="metadata"></audio>`, 'no autoplay, no handler, metadata only');
  t.equal(sanitizeRichText('<p>a<audio src="https://sons.example/chanson.mp3" controls></audio></p>'), '<p>a</p>', 'no sound from another site');
  t.equal(sanitizeRichText(`<p>a<video src="/api/core/text-images/12"></video></p>`), '<p>a</p>', 'only /api/core/files/<id>');
  t.equal(sanitizeRichText(`<video src="${file}" poster="javascript:alert(1)"></video>`), `<video src="${file}" controls preload="metadata"></video>`, 'no foreign poster');
  t.equal(sanitizeRichText(`<p>a<video src="${file}/../../x"></video></p>`), '<p>a</p>');
  t.equal(sanitizeRichText(`<video src="${file}"><source src="${file}" type="video/mp4"><track src="${file}"></video>`),
    `<video src="${file}" controls preload="metadata"></video>`, 'no <source> nor <track>: one file per player');
  t.equal(sanitizeRichText(`<audio src="${file}" poster="${file}"></audio>`), `<audio src="${file}" controls preload="metadata"></audio>`, 'a poster only on a video');
});

t.test('plain text of rich text for notifications and emails', async (t) => {
  t.equal(richTextToPlainText('<h2>Titre</h2><p>Un &amp; deux<br>trois</p><script>x</script>'), 'Titre Un & deux trois');
  t.equal(richTextToPlainText(`<p>${'a'.repeat(600)}</p>`, 10), 'aaaaaaaaa…');
});

t.test('plain text keeps a space wherever a reader sees a break: blocks, cells, breaks with attributes', async (t) => {
  for (const html of [
    '<p>Rendez-vous à 13 h 30</p><p>Bonjour Monsieur Simon</p>',
    '<h1>Rendez-vous à 13 h 30</h1>Bonjour Monsieur Simon',
    '<h4>Rendez-vous à 13 h 30</h4><p>Bonjour Monsieur Simon</p>',
    '<table><tr><td>Rendez-vous à 13 h 30</td><td>Bonjour Monsieur Simon</td></tr></table>',
    '<pre>Rendez-vous à 13 h 30</pre>Bonjour Monsieur Simon',
    '<p>Rendez-vous à 13 h 30<br class="soft">Bonjour Monsieur Simon</p>',
    '<p>Rendez-vous à 13 h 30</p><hr/>Bonjour Monsieur Simon',
    '<ul><li>Rendez-vous à 13 h 30</li></ul>Bonjour Monsieur Simon',
  ]) {
    t.equal(richTextToPlainText(html), 'Rendez-vous à 13 h 30 Bonjour Monsieur Simon', html);
  }
  t.equal(richTextToPlainText('<p><strong>13</strong> h <em>30</em>, l’<u>école</u></p>'), '13 h 30, l’école', 'inline tags join their text');
});

t.test('print text lays rich text out for paper: a line per paragraph and item, numbers, link addresses, image descriptions', async (t) => {
  t.equal(
    richTextToPrintText('<h2>Sortie</h2><p>Prévoir :</p><ul><li><p>un maillot</p></li><li><p>une serviette <strong>marquée</strong></p><ul><li><p>au nom de l’enfant</p></li></ul></li></ul>'
      + '<ol start="3"><li><p>trois</p></li><li><p>quatre</p></li></ol><p>Horaires sur <a href="https://piscine.example/horaires">le site</a>, ou <a href="mailto:ecole@example.fr">ecole@example.fr</a>.</p>'
      + '<p>A &amp; B<br>à 13 h 30</p><img src="https://photos.example/a.png" alt="La piscine">'),
    ['Sortie', 'Prévoir :', '• un maillot', '• une serviette marquée', '   • au nom de l’enfant', '3. trois', '4. quatre',
      'Horaires sur le site (https://piscine.example/horaires), ou ecole@example.fr.', 'A & B', 'à 13 h 30', '[La piscine]'].join('\n'),
  );
  t.equal(richTextToPrintText('<p><script>alert(1)</script>Bonjour</p>'), 'Bonjour', 'only what the schema keeps');
});
