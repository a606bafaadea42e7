/** Server-rendered HTML of the public blog and of a printed post: no script, one stylesheet from this origin (CSP `'self'`). */

export const STYLESHEET_PATH = '/pub/blog/assets/blog.css';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text placed in HTML (content or attribute value). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
export const frenchDay = (at: Date) => DAY.format(at);

export interface PageHead {
  title: string;
  description: string;
  /** Absolute addresses for Open Graph. */
  url: string;
  image: string | null;
  feeds?: { atom: string; rss: string };
}

/** A whole page: head (title, description, Open Graph, feeds), then the body given as trusted HTML. */
export function page(head: PageHead, body: string): string {
  const meta = [
    `<meta name="description" content="${escapeHtml(head.description)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(head.title)}">`,
    `<meta property="og:description" content="${escapeHtml(head.description)}">`,
    `<meta property="og:url" content="${escapeHtml(head.url)}">`,
    `<meta property="og:locale" content="fr_FR">`,
    head.image ? `<meta property="og:image" content="${escapeHtml(head.image)}">` : '',
    head.feeds ? `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(head.title)} (Atom)" href="${escapeHtml(head.feeds.atom)}">` : '',
    head.feeds ? `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(head.title)} (RSS)" href="${escapeHtml(head.feeds.rss)}">` : '',
  ].filter(Boolean).join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(head.title)}</title>
${meta}
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
${body}
</body>
</html>
`;
}

/** One post as an article; `body` is sanitized rich text whose file addresses the caller has rewritten. */
export function article(post: { title: string; body: string; publishedAt: Date; link?: string }, heading: 'h1' | 'h2'): string {
  const title = post.link ? `<a href="${escapeHtml(post.link)}">${escapeHtml(post.title)}</a>` : escapeHtml(post.title);
  return `<article>
<${heading}>${title}</${heading}>
<p class="date"><time datetime="${post.publishedAt.toISOString()}">${frenchDay(post.publishedAt)}</time></p>
<div class="text">${post.body}</div>
</article>`;
}

/** The stylesheet of public and printed pages (a file, since the CSP allows no inline style element). */
export const STYLESHEET = `:root { color-scheme: light; --ink: #1f2937; --muted: #4b5563; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header.blog { border-bottom: 1px solid #d1d5db; margin-bottom: 1.5rem; padding-bottom: 1rem; }
header.blog img.cover { width: 100%; max-height: 18rem; object-fit: cover; border-radius: 0.5rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 0.25rem; }
a { color: var(--accent); }
article { margin: 0 0 2.5rem; overflow-wrap: anywhere; }
article img { max-width: 100%; height: auto; }
article table { border-collapse: collapse; }
article td, article th { border: 1px solid #d1d5db; padding: 0.25rem 0.5rem; }
.date, .school, footer { color: var(--muted); font-size: 0.95rem; }
nav.pages { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; }
footer { border-top: 1px solid #d1d5db; padding-top: 1rem; margin-top: 2rem; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } nav, footer { display: none; } }
`;
