/**
 * A text as part of a file name: lower case ASCII words joined by hyphens, accents dropped rather than cut
 * (« CE1-CE2 M. Guérin » gives `ce1-ce2-m-guerin`, not `ce1-ce2-m-gue-rin`).
 */
export function fileNameSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
