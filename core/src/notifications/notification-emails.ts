import type { Mail } from '../mail/mailer.js';
import { escapeHtml } from './render-notification.js';

/** One item of an email: what happened and where to see it. */
export interface EmailItem {
  appTitle: string;
  typeTitle: string;
  text: string;
  /** Absolute link to the item. */
  link: string;
  /** Absolute one-click unsubscribe link for the item's type. */
  unsubscribe: string;
  createdAt: Date;
}

const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

const STYLE = {
  body: 'margin:0;padding:24px;background:#f5f3ef;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.5',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px',
  button: 'display:inline-block;background:#1f5f8b;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px',
  small: 'font-size:12px;color:#52606d',
};

function page(title: string, content: string, footer: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="${STYLE.body}"><div style="${STYLE.card}">${content}<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px">` +
    `<div style="${STYLE.small}">${footer}</div></div></body></html>`;
}

function subjectLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** The headers of RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts to the link. */
function unsubscribeHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The email for one notification sent at once (or at the end of quiet hours). */
export function immediateEmail(input: { to: string; name: string; item: EmailItem; preferencesLink: string; messageId: string }): Mail {
  const { item } = input;
  const text =
    `Bonjour ${input.name},\n\n${item.text}\n\nPour le voir dans Préau : ${item.link}\n\n-- \n` +
    `Vous recevez ce courriel parce que vos préférences de notification le prévoient pour « ${item.typeTitle} » (${item.appTitle}).\n` +
    `Ne plus recevoir ces courriels : ${item.unsubscribe}\nGérer toutes vos préférences : ${input.preferencesLink}\n`;
  const html = page(
    item.text,
    `<p>Bonjour ${escapeHtml(input.name)},</p><p style="font-size:17px">${escapeHtml(item.text)}</p>` +
      `<p><a href="${escapeHtml(item.link)}" style="${STYLE.button}">Voir dans Préau</a></p>`,
    `Vous recevez ce courriel parce que vos préférences de notification le prévoient pour « ${escapeHtml(item.typeTitle)} » (${escapeHtml(item.appTitle)}).<br>` +
      `<a href="${escapeHtml(item.unsubscribe)}">Ne plus recevoir ces courriels</a> · <a href="${escapeHtml(input.preferencesLink)}">Gérer mes préférences</a>`,
  );
  return {
    to: input.to,
    subject: `${item.appTitle} : ${subjectLine(item.text)}`,
    text,
    html,
    headers: unsubscribeHeaders(item.unsubscribe),
    messageId: input.messageId,
  };
}

/** The daily or weekly digest: the unread items of the period, grouped by app, newest first. */
export function digestEmail(input: {
  to: string;
  name: string;
  period: 'daily' | 'weekly';
  items: readonly EmailItem[];
  /** Stops every email from Préau (the List-Unsubscribe of a digest, which covers several types). */
  unsubscribeAll: string;
  preferencesLink: string;
  messageId: string;
}): Mail {
  const heading = input.period === 'daily' ? 'Votre résumé du jour' : 'Votre résumé de la semaine';
  const count = input.items.length;
  const news = `${count} nouveauté${count > 1 ? 's' : ''}`;
  const byApp = new Map<string, EmailItem[]>();
  for (const item of input.items) byApp.set(item.appTitle, [...(byApp.get(item.appTitle) ?? []), item]);
  const types = new Map<string, EmailItem>();
  for (const item of input.items) types.set(item.unsubscribe, item);

  let text = `Bonjour ${input.name},\n\n${heading} sur Préau : ${news}.\n`;
  let html = `<p>Bonjour ${escapeHtml(input.name)},</p><h1 style="font-size:20px;margin:0 0 8px">${heading}</h1><p>${news} sur Préau.</p>`;
  for (const [app, items] of byApp) {
    text += `\n${app}\n${'-'.repeat(app.length)}\n`;
    html += `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(app)}</h2><ul style="padding-left:20px;margin:0">`;
    for (const item of items) {
      const when = DATE.format(item.createdAt);
      text += `- ${item.text} (${when})\n  ${item.link}\n`;
      html += `<li style="margin-bottom:8px"><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a><br><span style="${STYLE.small}">${escapeHtml(when)}</span></li>`;
    }
    html += '</ul>';
  }
  text += '\n-- \nNe plus recevoir par courriel :\n';
  for (const item of types.values()) text += `- ${item.typeTitle} (${item.appTitle}) : ${item.unsubscribe}\n`;
  text += `- aucun courriel de Préau : ${input.unsubscribeAll}\nGérer toutes vos préférences : ${input.preferencesLink}\n`;
  const footer =
    'Ne plus recevoir par courriel : ' +
    [...types.values()].map((item) => `<a href="${escapeHtml(item.unsubscribe)}">${escapeHtml(item.typeTitle)}</a>`).join(' · ') +
    ` · <a href="${escapeHtml(input.unsubscribeAll)}">aucun courriel de Préau</a><br><a href="${escapeHtml(input.preferencesLink)}">Gérer mes préférences</a>`;
  return {
    to: input.to,
    subject: `Préau : ${heading.toLowerCase()} (${news})`,
    text,
    html: page(heading, html, footer),
    headers: unsubscribeHeaders(input.unsubscribeAll),
    messageId: input.messageId,
  };
}
