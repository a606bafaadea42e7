import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_SCHEMA, type RichTextSchema, type SanitizeService } from '@preau/sdk';

type AllowedAttributes = Record<string, (string | { name: string; multiple?: boolean; values: string[] })[]>;

const UNSAFE_LATEX = /\\(href|url|includegraphics|html[a-z]*)\b/i;

function dropUnsafeLatex(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  if (attribs['data-latex'] && UNSAFE_LATEX.test(attribs['data-latex'])) {
    const { 'data-latex': _dropped, ...rest } = attribs;
    return { tagName, attribs: rest };
  }
  return { tagName, attribs };
}

// Characters a browser or a parser may skip around a URL: every Unicode space, control and format character.
const URL_EDGES = /^[\p{White_Space}\p{Cc}\p{Cf}]+|[\p{White_Space}\p{Cc}\p{Cf}]+$/gu;

/**
 * The URL of a link or a medium as it is kept, or undefined when it is not kept: after removing what the URL
 * parser removes anywhere (ASCII tab and newlines) and every Unicode space or control at either end (U+2028
 * before `javascript:`…), it must start with an allowed scheme, or be a path of Préau (`/…`, not `//` nor `/\`,
 * which browsers read as another host). Anything else (other schemes, relative paths, `#anchors`) goes.
 */
function keptUrl(value: string | undefined, schemes: RegExp): string | undefined {
  if (value === undefined) return undefined;
  const url = value.replace(/[\t\n\r]/g, '').replace(URL_EDGES, '');
  return schemes.test(url) || /^\/(?![/\\])/.test(url) ? url : undefined;
}

/** `attribs` with `name` kept as `keptUrl` says, or removed (the others in their order). */
function withKeptUrl(attribs: sanitizeHtml.Attributes, name: string, schemes: RegExp): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    const url = key === name ? keptUrl(value, schemes) : value;
    if (url !== undefined) kept[key] = url;
  }
  return kept;
}

function optionsFor(schema: RichTextSchema): sanitizeHtml.IOptions {
  const schemes = new RegExp(`^(${schema.linkSchemes.join('|')}):`, 'i');
  const allowedAttributes: AllowedAttributes = {};
  const allowedStyles: Record<string, Record<string, RegExp[]>> = {};
  for (const [tag, attributes] of Object.entries(schema.tags)) {
    allowedAttributes[tag] = attributes.map((a) => (typeof a === 'string' ? a : { name: a.name, multiple: false, values: [...a.values] }));
    if (attributes.includes('style')) allowedStyles[tag] = Object.fromEntries(Object.entries(schema.styles).map(([property, pattern]) => [property, [pattern]]));
  }
  const isMedia = (src: string | undefined) => !!src && schema.mediaSources.some((pattern) => pattern.test(src));
  const isPlayerSource = (src: string | undefined) => !!src && schema.playerSources.some((pattern) => pattern.test(src));
  // A player's addresses are kept only when they are files inserted in the text; its controls are always shown
  // and only its duration is loaded until it is played (no autoplay, no event attributes: not in the schema).
  const player = (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const kept: sanitizeHtml.Attributes = {};
    for (const name of ['src', 'poster'] as const) {
      const url = keptUrl(attribs[name], /^$/);
      if (url !== undefined && isPlayerSource(url) && (name === 'src' || tagName === 'video')) kept[name] = url;
    }
    return { tagName, attribs: { ...kept, controls: '', preload: 'metadata' } };
  };
  return {
    allowedTags: Object.keys(schema.tags),
    // <col> is void: written `<col />` as the editor does (sanitize-html lists it itself only from 2.18, which needs Node 22).
    selfClosing: [...sanitizeHtml.defaults.selfClosing, 'col'],
    allowedAttributes,
    allowedStyles,
    allowedSchemes: [...schema.linkSchemes],
    allowedSchemesByTag: { img: ['https'], audio: [], video: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    // Content of dropped containers goes too: <script>alert(1)</script> must not leave "alert(1)" behind.
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'iframe', 'object', 'embed', 'svg', 'math'],
    enforceHtmlBoundary: false,
    parseStyleAttributes: true,
    transformTags: {
      // KaTeX is rendered without `trust`, but commands that make links or raw HTML are dropped here too.
      span: dropUnsafeLatex,
      div: dropUnsafeLatex,
      // Links that open elsewhere never hand the opener over, and never pass ranking to the target.
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...withKeptUrl(attribs, 'href', schemes), ...(attribs.target === '_blank' ? { rel: 'noopener noreferrer nofollow' } : { rel: 'nofollow' }) },
      }),
      img: (tagName, attribs) => ({ tagName, attribs: withKeptUrl(attribs, 'src', schemes) }),
      audio: player,
      video: player,
    },
    exclusiveFilter: (frame) =>
      // Images only from the platform's storage or https; anything else (data:, blob:, http:) is dropped. A
      // player's source must be a file inserted in the text.
      (frame.tag === 'img' && !isMedia(frame.attribs.src)) || ((frame.tag === 'audio' || frame.tag === 'video') && !frame.attribs.src),
  };
}

const OPTIONS = optionsFor(RICH_TEXT_SCHEMA);
const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard', nonTextTags: OPTIONS.nonTextTags };

/** Keeps only what the editor's schema allows; run on every rich text an app stores. */
export function sanitizeRichText(html: string): string {
  // Twice: a second pass must change nothing (no mutation XSS built from what the first pass left).
  const once = sanitizeHtml(html, OPTIONS);
  return sanitizeHtml(once, OPTIONS);
}

// Where a reader sees a line break: blocks, cells and breaks, opening or closing, whatever their attributes (the
// text of pasted HTML is taken before sanitizing). Inline tags (<strong>13</strong> h) join their text.
const BREAKING_TAG = /<\/?(p|h[1-6]|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|tfoot|caption|blockquote|div|pre|hr|br|figure|figcaption|section|article|header|footer|address)\b[^>]*>/gi;

/** The text of rich text, for a list's preview, a notification, an email subject or a search index. */
export function richTextToPlainText(html: string, maxLength = 500): string {
  const text = sanitizeHtml(html.replace(BREAKING_TAG, ' $& '), TEXT_ONLY)
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', '#160': ' ' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp|#160);/g, (_, name: string) => ENTITIES[name]!);
const PRINT_BLOCK = /^(p|h2|h3|blockquote|div|pre|tr|table|hr)$/;

/**
 * The text of rich text laid out for paper (a PDF slip): paragraphs and list items on their own lines, items
 * with "•" or their number, a link's address after its text, an image by its description. Reads the sanitized
 * HTML (the schema's tags only, well formed), so a small scan of its tags is enough.
 */
export function richTextToPrintText(html: string, maxLength = 5000): string {
  const lists: { ordered: boolean; next: number }[] = [];
  let out = '';
  let link: { href: string; start: number } | null = null;
  // A paragraph inside a list item stays on its bullet's line.
  const newLine = () => {
    if (out && !out.endsWith('\n') && !/^ *(•|\d+\.) $/.test(out.slice(out.lastIndexOf('\n') + 1))) out += '\n';
  };
  for (const [, closing, tag, attributes, text] of sanitizeRichText(html).matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    if (text !== undefined) {
      out += decode(text).replace(/\s+/g, ' ');
      continue;
    }
    const name = tag!.toLowerCase();
    const attribute = (key: string) => decode(new RegExp(`\\s${key}="([^"]*)"`).exec(attributes ?? '')?.[1] ?? '');
    if (name === 'br') newLine();
    else if (name === 'ul' || name === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', next: Number(attribute('start')) || 1 });
      newLine();
    } else if (name === 'li' && !closing) {
      newLine();
      const list = lists[lists.length - 1];
      out += `${'   '.repeat(Math.max(0, lists.length - 1))}${list?.ordered ? `${list.next++}.` : '•'} `;
    } else if (name === 'li' || PRINT_BLOCK.test(name)) newLine();
    else if (name === 'td' || name === 'th') out += closing ? ' ' : '';
    else if (name === 'img' && attribute('alt')) out += `[${attribute('alt')}]`;
    else if (name === 'a' && !closing) link = { href: attribute('href'), start: out.length };
    else if (name === 'a' && closing && link) {
      const shown = out.slice(link.start).trim();
      const address = link.href.replace(/^mailto:|^tel:/, '');
      if (address && shown !== address && shown !== link.href) out += ` (${address})`;
      link = null;
    }
  }
  const text = out.split('\n').map((line) => line.replace(/[ \t]+$/g, '').replace(/^ +(?=[^ •\d])/, '')).filter((line, i, all) => line || (i > 0 && all[i - 1])).join('\n').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The `sanitize` service plugins receive. */
export const sanitizeService: SanitizeService = { richText: sanitizeRichText, plainText: richTextToPlainText, printText: richTextToPrintText };
