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
  return {
    allowedTags: Object.keys(schema.tags),
    // <col> is void: written `<col />` as the editor does (sanitize-html lists it itself only from 2.18, which needs Node 22).
    selfClosing: [...sanitizeHtml.defaults.selfClosing, 'col'],
    allowedAttributes,
    allowedStyles,
    allowedSchemes: [...schema.linkSchemes],
    allowedSchemesByTag: { img: ['https'], audio: ['https'] },
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
      audio: (tagName, attribs) => ({ tagName, attribs: withKeptUrl(attribs, 'src', schemes) }),
    },
    exclusiveFilter: (frame) =>
      // Media only from the platform's storage or https; anything else (data:, blob:, http:) is dropped.
      ((frame.tag === 'img' || frame.tag === 'audio') && !isMedia(frame.attribs.src)),
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

/** The text of rich text, for a notification, an email subject or a search index. */
export function richTextToPlainText(html: string, maxLength = 500): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h2|h3|li|tr|blockquote|div)>|<br\s*\/?>/gi, '$& '), TEXT_ONLY)
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

/** The `sanitize` service plugins receive. */
export const sanitizeService: SanitizeService = { richText: sanitizeRichText, plainText: richTextToPlainText };
