import { RICH_TEXT_SCHEMA } from '@preau/sdk';

// The editor parses pasted and typed-in HTML into attributes; each attribute read from a style keeps only a
// value the server's sanitizer would keep too, so what the editor shows is what will be stored.

/** `value` if the schema allows it for the style `property`, else null. */
export function allowedStyle(property: string, value: string | null | undefined): string | null {
  const pattern = RICH_TEXT_SCHEMA.styles[property];
  const trimmed = value?.trim().replace(/['"]+/g, '');
  return pattern && trimmed && pattern.test(trimmed) ? trimmed : null;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * A colour as the schema writes it. Named colours ("red", Word's "windowtext") become `#rrggbb` through a
 * canvas, which knows every CSS colour name; what it cannot read is dropped.
 */
export function allowedColour(property: 'color' | 'background-color', value: string | null | undefined): string | null {
  const direct = allowedStyle(property, value);
  if (direct || !value || !/^[a-z]+$/i.test(value.trim())) return direct;
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return null;
  canvas.fillStyle = '#010203';
  canvas.fillStyle = value.trim();
  const resolved = String(canvas.fillStyle);
  return resolved === '#010203' && value.trim().toLowerCase() !== '#010203' ? null : allowedStyle(property, resolved);
}

/** Whether an image or a sound may come from `src`: the platform's storage (`/api/…`) or https. */
export function isMediaSource(src: string | null | undefined): boolean {
  return !!src && RICH_TEXT_SCHEMA.mediaSources.some((pattern) => pattern.test(src));
}

/** Whether a sound or video player may load `src`: only a file inserted in the text (`/api/core/files/<id>`). */
export function isPlayerSource(src: string | null | undefined): boolean {
  return !!src && RICH_TEXT_SCHEMA.playerSources.some((pattern) => pattern.test(src));
}

/** Whether a link may point at `href`: one of the schema's schemes, or a path of this site. */
export function isLinkTarget(href: string | null | undefined): boolean {
  if (!href) return false;
  const value = href.trim();
  if (/^\/(?!\/)/.test(value)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  return !!scheme && RICH_TEXT_SCHEMA.linkSchemes.includes(scheme);
}
