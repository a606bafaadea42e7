const OFFICE = /mso-|class="?Mso|urn:schemas-microsoft-com|<o:p|<font|<!--\[if|LibreOffice|OpenOffice/i;

/**
 * Cleans HTML copied from Word or LibreOffice before TipTap parses it. The schema already drops unknown tags
 * and attributes; this removes what it would misread: Word's hand-drawn list bullets ("·", "1.") that would
 * double the list's own, `mso-` styles and classes, and LibreOffice's `<font color>` turned into a colour span.
 */
export function cleanOfficeHtml(html: string): string {
  if (!OFFICE.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const comments = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const dropped: Node[] = [];
  while (comments.nextNode()) dropped.push(comments.currentNode);
  for (const element of doc.body.querySelectorAll('[style]')) {
    // Word draws a list item's bullet as text in a span marked `mso-list: Ignore`.
    if (/mso-list\s*:\s*ignore/i.test(element.getAttribute('style') ?? '')) dropped.push(element);
  }
  for (const element of doc.body.querySelectorAll('style, meta, link, title, xml')) dropped.push(element);
  for (const node of dropped) node.parentNode?.removeChild(node);
  for (const element of doc.body.querySelectorAll('*')) {
    if (element.localName.includes(':')) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    element.removeAttribute('class');
    const style = element.getAttribute('style');
    if (style !== null) {
      const kept = style.split(';').filter((declaration) => declaration.trim() && !/^\s*mso-/i.test(declaration));
      if (kept.length) element.setAttribute('style', kept.join(';'));
      else element.removeAttribute('style');
    }
    if (element.localName === 'font') {
      const span = doc.createElement('span');
      const color = element.getAttribute('color');
      if (color) span.style.color = color;
      span.append(...element.childNodes);
      element.replaceWith(span);
    }
  }
  return doc.body.innerHTML;
}

const EMBEDDED_IMAGE = /<img\b[^>]*\bsrc\s*=\s*["']?\s*(data:|blob:|file:)/i;

/**
 * Whether pasted or dropped content carries images that are not at an address (a screenshot, an image copied
 * from Word, whose source is a `data:` or `file:` URL). Storage for them comes later: they are refused aloud.
 * When HTML comes along, only its images count: office suites also put a picture of the whole selection on
 * the clipboard, which is not an image the user meant to paste.
 */
export function hasEmbeddedImages(data: DataTransfer | null): boolean {
  if (!data) return false;
  const html = data.getData('text/html');
  if (html) return EMBEDDED_IMAGE.test(html);
  return [...data.items].some((item) => item.kind === 'file' && item.type.startsWith('image/'));
}

/** Whether HTML typed in the source view holds an embedded image. */
export function htmlHasEmbeddedImages(html: string): boolean {
  return EMBEDDED_IMAGE.test(html);
}
