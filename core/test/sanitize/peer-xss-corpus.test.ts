import t from 'tap';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { sanitizeRichText } from '../../src/sanitize/sanitize-rich-text.js';
import { PEER_XSS_CORPUS } from '../../src/testing/index.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
// Elements that run, load, navigate or restyle the page, whatever their attributes.
const ACTIVE_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form',
  'input', 'button', 'isindex', 'template', 'noscript', 'portal', 'video', 'source', 'picture', 'body', 'svg', 'math',
]);
// Attributes that hold a URL a browser fetches or navigates to; only href and src are in the schema.
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'data', 'ping', 'srcdoc', 'lowsrc',
  'dynsrc', 'cite', 'codebase', 'manifest', 'xlink:href', 'to', 'from', 'values',
]);
const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const BASE = new URL('https://ent.exemple.fr/apps/messaging/');
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}]/gu;
const EXECUTABLE_SCHEME = /^(javascript|vbscript|livescript|data|blob|filesystem|view-source|jar):/;

/** Why a URL of the output could run something or lead elsewhere than announced, or undefined. */
function unsafeUrl(value: string): string | undefined {
  if (/^[\p{White_Space}\p{Cc}\p{Cf}]|[\p{White_Space}\p{Cc}\p{Cf}]$/u.test(value)) return 'not trimmed';
  // What some parser might still read as a scheme once spaces, controls and format characters are skipped.
  if (EXECUTABLE_SCHEME.test(value.replace(INVISIBLE, '').toLowerCase())) return 'executable scheme';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return 'not a URL';
  }
  if (!SCHEMES.has(url.protocol)) return `scheme ${url.protocol}`;
  // A relative address must stay on Préau: `//host`, `/\host` and `\\host` lead to another one.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && url.origin !== BASE.origin) return `another host ${url.host}`;
  return undefined;
}

/** The problems of a parsed fragment: active elements, foreign content, handlers, URLs, styles, LaTeX links. */
function problemsOf(node: Node, found: string[] = []): string[] {
  if ('tagName' in node) {
    const element = node as Element;
    if (element.namespaceURI !== HTML_NAMESPACE) found.push(`foreign element <${element.tagName}>`);
    if (ACTIVE_ELEMENTS.has(element.tagName)) found.push(`active element <${element.tagName}>`);
    for (const attribute of element.attrs) {
      const name = `${attribute.prefix ? `${attribute.prefix}:` : ''}${attribute.name}`.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name} on <${element.tagName}>`);
      else if (URL_ATTRIBUTES.has(name)) {
        const why = name === 'href' || name === 'src' ? unsafeUrl(attribute.value) : 'not allowed';
        if (why) found.push(`${name}=${JSON.stringify(attribute.value)} on <${element.tagName}>: ${why}`);
      } else if (name === 'style' && /expression|url\s*\(|behavior|binding|javascript:|@import|position/i.test(attribute.value)) {
        found.push(`style ${JSON.stringify(attribute.value)}`);
      } else if (name === 'data-latex' && /\\(href|url|includegraphics|html)/i.test(attribute.value)) {
        found.push(`LaTeX link ${attribute.value}`);
      }
    }
    if (element.tagName === 'template') problemsOf((element as DefaultTreeAdapterMap['template']).content, found);
  }
  if ('childNodes' in node) for (const child of node.childNodes) problemsOf(child, found);
  return found;
}

const problems = (html: string) => problemsOf(parseFragment(html));

t.test(`the peer corpus: none of its ${PEER_XSS_CORPUS.length} payloads leaves an executable link, handler or element`, async (t) => {
  t.ok(PEER_XSS_CORPUS.length >= 100, 'at least a hundred cases');
  t.ok(new Set(PEER_XSS_CORPUS.map((c) => c.html)).size === PEER_XSS_CORPUS.length, 'no case twice');
  const seen = PEER_XSS_CORPUS.filter((c) => problems(c.html).length > 0).length;
  t.ok(seen >= PEER_XSS_CORPUS.length * 0.9, `the check finds a problem in ${seen} raw payloads (it is not vacuous)`);
  for (const { category, html } of PEER_XSS_CORPUS) {
    const clean = sanitizeRichText(html);
    const found = problems(clean);
    if (found.length) t.fail(`${category}: ${JSON.stringify(html)} → ${JSON.stringify(clean)} (${found.join('; ')})`);
    if (sanitizeRichText(clean) !== clean) t.fail(`${category}: sanitizing ${JSON.stringify(html)} is not stable`);
  }
  t.pass('every payload neutralized');
});

t.test('a link is kept only with an allowed scheme or a path of Préau, once trimmed of every Unicode space and control', async (t) => {
  for (const space of ['\u2028', '\u2029', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u0000', '\u001f']) {
    t.equal(sanitizeRichText(`<a href="${space}javascript:alert(1)">x</a>`), '<a rel="nofollow">x</a>', `U+${space.codePointAt(0)!.toString(16).padStart(4, '0')} before javascript:`);
  }
  t.equal(sanitizeRichText('<a href="java\tscript:alert(1)">x</a>'), '<a rel="nofollow">x</a>');
  t.equal(sanitizeRichText('<a href="&#106;avascript:alert(1)">x</a>'), '<a rel="nofollow">x</a>');
  t.equal(sanitizeRichText('<a href="\u2028https://www.education.gouv.fr\u3000">x</a>'), '<a href="https://www.education.gouv.fr" rel="nofollow">x</a>', 'what is kept is the trimmed address');
  t.equal(sanitizeRichText('<a href="/apps/news/items/4">x</a>'), '<a href="/apps/news/items/4" rel="nofollow">x</a>', 'a path of Préau');
  t.equal(sanitizeRichText('<a href="mailto:ecole@exemple.fr">x</a> <a href="tel:+33549000000">y</a> <a href="http://exemple.fr">z</a>'),
    '<a href="mailto:ecole@exemple.fr" rel="nofollow">x</a> <a href="tel:+33549000000" rel="nofollow">y</a> <a href="http://exemple.fr" rel="nofollow">z</a>');
  for (const other of ['//evil.example/x', '/\\evil.example/x', 'page.html', '#haut', '?q=1', 'ftp://exemple.fr/x']) {
    t.equal(sanitizeRichText(`<a href="${other}">x</a>`), '<a rel="nofollow">x</a>', `${other} goes`);
  }
  t.equal(sanitizeRichText('<p><img src="\u2029/api/core/text-images/ab12" alt="x"></p>'), '<p><img src="/api/core/text-images/ab12" alt="x" /></p>', 'an image source is trimmed too');
  t.equal(sanitizeRichText('<p><img src="\u2029javascript:alert(1)" alt="x">texte</p>'), '<p>texte</p>', 'and an image without a kept source goes');
});
