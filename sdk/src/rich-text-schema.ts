/**
 * What rich text may contain, once for both sides: `<preau-editor>` produces only this, and the server's
 * `sanitize` service keeps only this. Anything else a browser or an attacker sends is dropped on the server.
 */
export interface RichTextSchema {
  /** Allowed tags and, for each, its allowed attributes (an attribute may list its allowed values). */
  tags: Readonly<Record<string, readonly (string | { name: string; values: readonly string[] })[]>>;
  /** Allowed inline style properties and the pattern each value must match in full. */
  styles: Readonly<Record<string, RegExp>>;
  /** URL schemes allowed in links. */
  linkSchemes: readonly string[];
  /** Where images may come from: the platform's own storage (`/api/…`) or https. */
  mediaSources: readonly RegExp[];
  /**
   * Where the sound and video players (`<audio src>`, `<video src poster>`; no `<source>`, a player has one
   * file) may load from: only files inserted in the text (`/api/core/files/<id>`), which its readers and nobody
   * else may open. A player without such a `src` is dropped.
   */
  playerSources: readonly RegExp[];
}

// Colours as the editor writes them: #rgb, #rrggbb, rgb()/rgba(), or `inherit` (the highlight resets its text colour).
const COLOUR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\)|inherit)$/i;
const LENGTH = /^\d{1,4}(\.\d{1,2})?(px|em|rem|%)$/;
const BLOCK_STYLE = ['style'];
const CELL = ['colspan', 'rowspan', 'colwidth', 'style'];

/** The schema of Préau's rich text (the toolbar of the reference ENT). */
export const RICH_TEXT_SCHEMA: RichTextSchema = {
  tags: {
    p: BLOCK_STYLE,
    h2: BLOCK_STYLE,
    h3: BLOCK_STYLE,
    blockquote: [],
    strong: [],
    em: [],
    u: [],
    s: [],
    sub: [],
    sup: [],
    code: [],
    br: [],
    hr: [],
    span: ['style', { name: 'data-type', values: ['emoji', 'inline-math'] }, 'data-name', 'data-latex'],
    div: [{ name: 'data-type', values: ['block-math'] }, 'data-latex'],
    mark: ['style', 'data-color'],
    ul: [],
    ol: ['start'],
    li: [],
    a: ['href', 'title', { name: 'target', values: ['_blank'] }, 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    // Players always have their controls and load only their duration until played (the sanitizer sets both).
    audio: ['src', { name: 'controls', values: [''] }, { name: 'preload', values: ['metadata'] }],
    video: ['src', 'poster', { name: 'controls', values: [''] }, { name: 'preload', values: ['metadata'] }],
    table: ['style'],
    colgroup: [],
    col: ['style'],
    thead: [],
    tbody: [],
    tr: [],
    th: CELL,
    td: CELL,
  },
  styles: {
    color: COLOUR,
    'background-color': COLOUR,
    'font-size': LENGTH,
    'text-align': /^(left|right|center|justify)$/,
    'margin-left': LENGTH,
    'min-width': LENGTH,
    width: LENGTH,
  },
  linkSchemes: ['http', 'https', 'mailto', 'tel'],
  mediaSources: [/^\/api\/[a-z0-9/_.-]+(\?[a-z0-9=&_.-]*)?$/i, /^https:\/\/[^\s"'<>]+$/i],
  playerSources: [/^\/api\/core\/files\/[a-f0-9]{32}$/],
};
