import { getStyleProperty } from '@tiptap/core';
import Highlight from '@tiptap/extension-highlight';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { Color, FontSize } from '@tiptap/extension-text-style';
import { allowedColour, allowedStyle, isLinkTarget, isMediaSource } from '../schema-values.js';

// TipTap's own extensions, each narrowed to what the rich-text schema allows: an attribute read from pasted
// or typed-in HTML keeps only values the server would keep, so nothing the user sees is lost when saving.

/** Text colour: `<span style="color: …">`. */
export const SchemaColor = Color.extend({
  addGlobalAttributes() {
    return [{
      types: ['textStyle'],
      attributes: {
        color: {
          default: null,
          parseHTML: (element: HTMLElement) => allowedColour('color', getStyleProperty(element, 'color') ?? element.style.color),
          renderHTML: (attributes: { color?: string | null }) => (attributes.color ? { style: `color: ${attributes.color}` } : {}),
        },
      },
    }];
  },
});

/** Text size: `<span style="font-size: …">` in px, em, rem or % (Word's `pt` sizes are dropped). */
export const SchemaFontSize = FontSize.extend({
  addGlobalAttributes() {
    return [{
      types: ['textStyle'],
      attributes: {
        fontSize: {
          default: null,
          parseHTML: (element: HTMLElement) => allowedStyle('font-size', getStyleProperty(element, 'font-size') ?? element.style.fontSize),
          renderHTML: (attributes: { fontSize?: string | null }) => (attributes.fontSize ? { style: `font-size: ${attributes.fontSize}` } : {}),
        },
      },
    }];
  },
});

/** Background colour: `<mark data-color="…" style="background-color: …; color: inherit">`. */
export const SchemaHighlight = Highlight.extend({
  addAttributes() {
    return {
      color: {
        default: null,
        parseHTML: (element: HTMLElement) => allowedColour('background-color', element.getAttribute('data-color') || element.style.backgroundColor),
        renderHTML: (attributes: { color?: string | null }) =>
          attributes.color ? { 'data-color': attributes.color, style: `background-color: ${attributes.color}; color: inherit` } : {},
      },
    };
  },
}).configure({ multicolor: true });

/** Links to http(s), mailto, tel or this site; always opening in a new tab without handing it the opener. */
export const SchemaLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') },
      title: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('title') },
      target: { default: '_blank', parseHTML: () => '_blank' },
      rel: { default: 'noopener noreferrer nofollow', parseHTML: () => 'noopener noreferrer nofollow' },
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  defaultProtocol: 'https',
  protocols: ['mailto', 'tel'],
  isAllowedUri: (url) => isLinkTarget(url),
  shouldAutoLink: (url) => /^(https?:\/\/|www\.)/i.test(url),
});

/** Images from the platform's storage or https only; embedded (`data:`) images are refused where pasted. */
export const SchemaImage = Image.extend({
  addAttributes() {
    const read = (name: string) => ({ default: null, parseHTML: (element: HTMLElement) => element.getAttribute(name) });
    return { src: read('src'), alt: read('alt'), title: read('title'), width: read('width'), height: read('height') };
  },
  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: (element: HTMLElement) => (isMediaSource(element.getAttribute('src')) ? null : false) }];
  },
}).configure({ inline: false, allowBase64: false });
