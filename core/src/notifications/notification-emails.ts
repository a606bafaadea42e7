import type { Language, NotificationEmailDetails } from '@preau/sdk';
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

/**
 * A person's name as a French letter greets them: first name then surname in capitals ("Bonjour Frédéric
 * SIMON,"), not the directory's sorting order ("SIMON Frédéric"). Without both parts, the display name.
 */
export function letterName(person: { first_name?: string | null; last_name?: string | null; display_name: string }): string {
  const first = person.first_name?.trim();
  const last = person.last_name?.trim();
  return first && last ? `${first} ${last.toLocaleUpperCase('fr-FR')}` : person.display_name;
}

/** The lines an email adds for one recipient: theirs first (which child, which class), then everyone's. */
export function emailLines(details: NotificationEmailDetails | null | undefined, userId: number): string[] {
  if (!details) return [];
  return [...(details.linesFor?.[userId] ?? []), ...(details.lines ?? [])].map((line) => line.trim()).filter(Boolean);
}

const DETAIL_MAX = 160;

/**
 * An item's lines in a digest, where each item gets one line: joined with " · " and cut at a word near
 * DETAIL_MAX characters (the immediate email has room for all of them).
 */
export function detailLine(lines: readonly string[]): string {
  const line = lines.join(' · ').replace(/\s+/g, ' ').trim();
  if (line.length <= DETAIL_MAX) return line;
  const cut = line.slice(0, DETAIL_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > DETAIL_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s·,;:]+$/, '')}…`;
}
/** An item of a digest: an email item and its line of detail (empty when the app gave none). */
export interface DigestItem extends EmailItem {
  detail?: string;
}

// Dates are Paris time whatever the language: the school's time.
const DATE: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
};

/** The emails' words, in the recipient's language (French unless they chose English). */
const WORDS = {
  fr: {
    hello: (name: string) => `Bonjour ${name},`,
    seeIt: 'Pour le voir dans Préau :',
    seeButton: 'Voir dans Préau',
    why: (type: string, app: string) => `Vous recevez ce courriel parce que vos préférences de notification le prévoient pour « ${type} » (${app}).`,
    stopThese: 'Ne plus recevoir ces courriels',
    managePreferences: 'Gérer mes préférences',
    manageAll: 'Gérer toutes vos préférences',
    daily: 'Votre résumé du jour',
    weekly: 'Votre résumé de la semaine',
    news: (count: number) => `${count} nouveauté${count > 1 ? 's' : ''}`,
    onPreau: 'sur Préau',
    stopByEmail: 'Ne plus recevoir par courriel',
    noEmailAtAll: 'aucun courriel de Préau',
    colon: ' :',
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    seeIt: 'To see it in Préau:',
    seeButton: 'See it in Préau',
    why: (type: string, app: string) => `You receive this email because your notification preferences ask for it for "${type}" (${app}).`,
    stopThese: 'Stop these emails',
    managePreferences: 'Manage my preferences',
    manageAll: 'Manage all your preferences',
    daily: 'Your daily summary',
    weekly: 'Your weekly summary',
    news: (count: number) => `${count} new item${count > 1 ? 's' : ''}`,
    onPreau: 'on Préau',
    stopByEmail: 'Stop receiving by email',
    noEmailAtAll: 'no email from Préau at all',
    colon: ':',
  },
} satisfies Record<Language, unknown>;

const STYLE = {
  body: 'margin:0;padding:24px;background:#f5f3ef;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.5',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px',
  button: 'display:inline-block;background:#1f5f8b;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px',
  small: 'font-size:12px;color:#52606d',
};

function page(language: Language, title: string, content: string, footer: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
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

/** The email for one notification sent at once (or at the end of quiet hours), in the recipient's language. */
export function immediateEmail(input: { to: string; name: string; language: Language; item: EmailItem; lines?: readonly string[]; preferencesLink: string; messageId: string }): Mail {
  const { item } = input;
  const lines = input.lines ?? [];
  const w = WORDS[input.language];
  const text =
    `${w.hello(input.name)}\n\n${item.text}\n\n${lines.length ? `${lines.join('\n')}\n\n` : ''}${w.seeIt} ${item.link}\n\n-- \n` +
    `${w.why(item.typeTitle, item.appTitle)}\n` +
    `${w.stopThese}${w.colon} ${item.unsubscribe}\n${w.manageAll}${w.colon} ${input.preferencesLink}\n`;
  const html = page(
    input.language,
    item.text,
    `<p>${escapeHtml(w.hello(input.name))}</p><p style="font-size:17px">${escapeHtml(item.text)}</p>` +
      lines.map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`).join('') +
      `<p><a href="${escapeHtml(item.link)}" style="${STYLE.button}">${w.seeButton}</a></p>`,
    `${escapeHtml(w.why(item.typeTitle, item.appTitle))}<br>` +
      `<a href="${escapeHtml(item.unsubscribe)}">${w.stopThese}</a> · <a href="${escapeHtml(input.preferencesLink)}">${w.managePreferences}</a>`,
  );
  return {
    to: input.to,
    subject: `${item.appTitle}${w.colon} ${subjectLine(item.text)}`,
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
  language: Language;
  items: readonly DigestItem[];
  /** Stops every email from Préau (the List-Unsubscribe of a digest, which covers several types). */
  unsubscribeAll: string;
  preferencesLink: string;
  messageId: string;
}): Mail {
  const w = WORDS[input.language];
  const heading = input.period === 'daily' ? w.daily : w.weekly;
  const news = w.news(input.items.length);
  const byApp = new Map<string, DigestItem[]>();
  for (const item of input.items) byApp.set(item.appTitle, [...(byApp.get(item.appTitle) ?? []), item]);
  const types = new Map<string, EmailItem>();
  for (const item of input.items) types.set(item.unsubscribe, item);

  let text = `${w.hello(input.name)}\n\n${heading} ${w.onPreau}${w.colon} ${news}.\n`;
  let html = `<p>${escapeHtml(w.hello(input.name))}</p><h1 style="font-size:20px;margin:0 0 8px">${heading}</h1><p>${news} ${w.onPreau}.</p>`;
  for (const [app, items] of byApp) {
    text += `\n${app}\n${'-'.repeat(app.length)}\n`;
    html += `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(app)}</h2><ul style="padding-left:20px;margin:0">`;
    for (const item of items) {
      const when = DATE[input.language].format(item.createdAt);
      text += `- ${item.text} (${when})\n${item.detail ? `  ${item.detail}\n` : ''}  ${item.link}\n`;
      html += `<li style="margin-bottom:8px"><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a>` +
        (item.detail ? `<br><span>${escapeHtml(item.detail)}</span>` : '') +
        `<br><span style="${STYLE.small}">${escapeHtml(when)}</span></li>`;
    }
    html += '</ul>';
  }
  text += `\n-- \n${w.stopByEmail}${w.colon}\n`;
  for (const item of types.values()) text += `- ${item.typeTitle} (${item.appTitle})${w.colon} ${item.unsubscribe}\n`;
  text += `- ${w.noEmailAtAll}${w.colon} ${input.unsubscribeAll}\n${w.manageAll}${w.colon} ${input.preferencesLink}\n`;
  const footer =
    `${w.stopByEmail}${w.colon} ` +
    [...types.values()].map((item) => `<a href="${escapeHtml(item.unsubscribe)}">${escapeHtml(item.typeTitle)}</a>`).join(' · ') +
    ` · <a href="${escapeHtml(input.unsubscribeAll)}">${w.noEmailAtAll}</a><br><a href="${escapeHtml(input.preferencesLink)}">${w.managePreferences}</a>`;
  return {
    to: input.to,
    subject: `Préau${w.colon} ${heading.toLowerCase()} (${news})`,
    text,
    html: page(input.language, heading, html, footer),
    headers: unsubscribeHeaders(input.unsubscribeAll),
    messageId: input.messageId,
  };
}
