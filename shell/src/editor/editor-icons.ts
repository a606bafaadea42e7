import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

// Drawn rather than emoji: a toolbar must look the same on every device, emoji fonts or not.
const icon = (paths: SVGTemplateResult) => html`<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor"
  stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false">${paths}</svg>`;

/** Icons of the toolbar's buttons that a character does not draw well, by button id. */
export const ICONS: Readonly<Record<string, TemplateResult>> = {
  link: icon(svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`),
  unlink: icon(svg`<path d="M15.5 11.5l2.5-2.5a3.5 3.5 0 0 0-5-5l-2.5 2.5"/><path d="M8.5 12.5L6 15a3.5 3.5 0 0 0 5 5l2.5-2.5"/><path d="M4 4l16 16"/>`),
  image: icon(svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="M21 17l-5-5-9 8"/>`),
  video: icon(svg`<rect x="3" y="6" width="13" height="12" rx="2"/><path d="M16 10l5-3v10l-5-3z"/>`),
  audio: icon(svg`<path d="M4 9v6h4l5 4V5L8 9z"/><path d="M16.5 8.5a5 5 0 0 1 0 7"/><path d="M19 6a8.5 8.5 0 0 1 0 12"/>`),
  document: icon(svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/><path d="M9 13h6M9 17h6"/>`),
  table: icon(svg`<rect x="3" y="4" width="18" height="16" rx="1"/><path d="M3 10h18M3 15h18M9 4v16M15 4v16"/>`),
  date: icon(svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`),
  bulletList: icon(svg`<path d="M9 6h11M9 12h11M9 18h11"/><circle cx="4.5" cy="6" r="1" fill="currentColor"/><circle cx="4.5" cy="12" r="1" fill="currentColor"/><circle cx="4.5" cy="18" r="1" fill="currentColor"/>`),
  orderedList: icon(svg`<path d="M10 6h10M10 12h10M10 18h10"/><path d="M4 4.5h1.5V9M4 9h3M4 14.5a1.5 1.5 0 0 1 3 .5c0 1-3 2-3 3.5h3" stroke-width="1.5"/>`),
  indent: icon(svg`<path d="M10 6h10M10 12h10M10 18h10M3 9l3 3-3 3"/>`),
  outdent: icon(svg`<path d="M10 6h10M10 12h10M10 18h10M7 9l-3 3 3 3"/>`),
};
