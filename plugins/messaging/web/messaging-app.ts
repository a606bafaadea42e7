import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, preauStyles, userContext, onLiveNotification, refreshBadges } from '@preau/sdk/web';
import { T, format, text, type Word } from './strings.js';
import type { ComposeStart } from './messaging-compose.js';
import './messaging-compose.js';

interface Summary { id: number; subject: string; preview: string; author: { id: number; displayName: string } | null; recipients: string[]; sentAt: string | null; sortAt: string; read: boolean; recalled: boolean; hasAttachments: boolean; state: string }
interface Message { id: number; subject: string; body: string; author: { id: number; displayName: string } | null; recipients: { kind: string; userId: number | null; groupId: number | null; label: string }[]; attachments: { blobId: string; name: string; size: number }[]; sentAt: string | null; role: string; noReply: boolean; recalled: boolean; state: string }
interface Folders { system: { inbox: { unread: number }; drafts: { total: number }; trash: { total: number } }; folders: { id: number; name: string; depth: number; unread: number }[] }

/**
 * The mailbox: folders with their unread counts, the folder's messages (older ones on demand), the open message
 * with reply, reply all, forward, recall, print and delete, compose, and the moderation queue for teachers.
 * A message arriving live refreshes the counts and the open folder.
 */
export class MessagingApp extends LitElement {
  static override properties = { path: {}, folder: { state: true }, folders: { state: true }, items: { state: true }, next: { state: true }, open: { state: true }, composing: { state: true }, error: { state: true }, notice: { state: true }, moderation: { state: true } };
  // The design system's buttons and texts (preauStyles); the folder and message rows are the mailbox's own.
  static override styles = [preauStyles, css`
    .layout { display: grid; grid-template-columns: minmax(10rem, 14rem) minmax(14rem, 22rem) minmax(0, 1fr); gap: var(--preau-space-4, 1rem); }
    @media (max-width: 50rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
    nav ul, ul.messages { list-style: none; margin: 0; padding: 0; }
    ul.messages { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); overflow: hidden; }
    ul.messages > li { border-bottom: 1px solid var(--preau-border-subtle, #d5d9e2); }
    ul.messages > li:last-child { border-bottom: 0; }
    ul.messages > li.muted, ul.messages > li.waiting { padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem); }
    /* A folder or a message is a row to pick, not a button to press: drawn as a line of the list. */
    button.row { width: 100%; text-align: left; font-weight: 400; padding: var(--preau-space-2, 0.5rem); border: 0; border-radius: var(--preau-radius-sm, 6px);
      background: transparent; color: var(--preau-fg, #1b1f2a); justify-content: space-between; }
    button.row:hover { background: var(--preau-surface-alt, #eef1f7); }
    button.row[aria-current='true'] { background: var(--preau-surface-alt, #eef1f7); box-shadow: inset 0 0 0 2px var(--preau-border-subtle, #d5d9e2); }
    ul.messages button.row { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: var(--preau-space-2, 0.5rem); justify-items: start; border-radius: 0; border-left: 4px solid transparent; }
    button.row > .subject, button.row > .preview { grid-column: 1 / -1; max-width: 100%; }
    button.row > .preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    /* As specific as the rows' own rule, which once beat a bare .unread: unread lines looked read. */
    ul.messages button.row.unread { font-weight: 700; border-left-color: var(--preau-accent, #1f5fbf); background: var(--preau-accent-soft, #eef3fc); }
    button.row.unread .preview { font-weight: 400; }
    button.row time { white-space: nowrap; }
    .count { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border-radius: 999px; padding: 0 var(--preau-space-2, 0.5rem); font-size: var(--preau-text-small, 0.85rem); font-weight: 600; }
    .compose { width: 100%; margin-bottom: var(--preau-space-3, 0.75rem); }
    .more { margin-top: var(--preau-space-3, 0.75rem); }
    [role='alert'] { color: var(--preau-danger, #b3261e); font-weight: 600; }
    @media print { nav, ul.messages, .actions, .compose, .more { display: none; } .layout { display: block; } }
  `];

  path = '';
  folder = 'inbox';
  folders: Folders | null = null;
  items: Summary[] = [];
  next: string | null = null;
  open: Message | null = null;
  composing: ComposeStart | null = null;
  moderation: Message[] = [];
  error = '';
  /** What the last action did ("Message envoyé"), kept once compose has closed. */
  notice = '';
  private stopLive: (() => void) | undefined;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  private t(word: Word): string {
    return text(word, this.language.value ?? 'fr');
  }

  // Every waiting message has its own two buttons: their names say which message, for screen readers and voice.
  private named(word: 'approveOne' | 'rejectOne', m: { subject: string; author?: { displayName: string } | null }): string {
    return format(word, this.language.value ?? 'fr', { subject: m.subject || this.t('noSubject'), author: m.author?.displayName ?? '' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopLive = onLiveNotification(() => void this.refresh(), 'messaging');
    const match = /^\/?messages\/(\d+)/.exec(this.path);
    // `compose?to=<id>&name=<name>`: the address book's "Écrire un message" opens a message to that person.
    const to = /^\/?compose/.test(this.path) ? new URLSearchParams(location.search) : null;
    if (to && Number(to.get('to')) > 0) this.composing = { to: { to: [{ kind: 'user', id: Number(to.get('to')), label: to.get('name') ?? '' }], cc: [], bcc: [] } };
    void this.refresh().then(() => (match ? this.read(Number(match[1])) : undefined));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLive?.();
  }

  private async call<R>(run: () => Promise<R>): Promise<R | undefined> {
    this.error = '';
    try {
      return await run();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
      return undefined;
    }
  }

  private async refresh(): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    await this.call(async () => {
      this.folders = await api.get<Folders>('/api/messaging/folders');
      if (this.folder === 'moderation') this.moderation = await api.get<Message[]>('/api/messaging/moderation');
      else {
        const page = await api.get<{ items: Summary[]; next: string | null }>(`/api/messaging/folders/${this.folder}/messages`);
        this.items = page.items;
        this.next = page.next;
      }
    });
  }

  private async more(): Promise<void> {
    const page = await this.call(() => this.api.value!.get<{ items: Summary[]; next: string | null }>(`/api/messaging/folders/${this.folder}/messages?cursor=${this.next}`));
    if (page) {
      this.items = [...this.items, ...page.items];
      this.next = page.next;
    }
  }

  private choose(folder: string): void {
    this.folder = folder;
    this.open = null;
    this.composing = null;
    this.notice = '';
    void this.refresh();
  }

  private async read(id: number): Promise<void> {
    this.composing = null;
    this.notice = '';
    const message = await this.call(() => this.api.value!.get<Message>(`/api/messaging/messages/${id}`));
    if (!message) return;
    this.open = message;
    refreshBadges();
    void this.refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('article h2')?.focus();
  }

  private respond(kind: 'reply' | 'replyAll' | 'forward'): void {
    const m = this.open!;
    const me = this.user.value?.id;
    const author = m.author ? [{ kind: 'user' as const, id: m.author.id, label: m.author.displayName }] : [];
    const others = m.recipients.filter((r) => r.kind !== 'bcc' && r.userId !== me).map((r) => (r.userId ? { kind: 'user' as const, id: r.userId, label: r.label } : { kind: 'group' as const, id: r.groupId!, label: r.label }));
    const quote = `<p></p><blockquote>${m.body}</blockquote>`;
    this.composing =
      kind === 'forward'
        ? { subject: `TR : ${m.subject}`, forwardOf: m.id, attachments: m.attachments, body: quote }
        : { subject: /^RE ?:/i.test(m.subject) ? m.subject : `RE : ${m.subject}`, parentId: m.id, body: quote, to: { to: kind === 'replyAll' ? [...author, ...others] : author, cc: [], bcc: [] } };
  }

  private sent = (event: CustomEvent<{ state: string }>): void => {
    this.composing = null;
    this.notice = this.t(event.detail.state === 'pending' ? 'pending' : 'sentOk');
    void this.refresh();
  };

  private async act(path: string, body?: unknown): Promise<void> {
    await this.call(() => this.api.value!.post(path, body));
    this.open = null;
    await this.refresh();
  }

  private renderFolders() {
    const f = this.folders;
    // The count of a folder is its unread messages; that of drafts, how many there are.
    const entry = (key: string, label: string, count = 0, depth = 0, counted: 'unread' | 'total' = 'unread') => html`<li>
      <button class="row" aria-current=${this.folder === key ? 'true' : 'false'} style="padding-left:${0.5 + depth}rem" @click=${() => this.choose(key)}>
        <span>${label}</span>${count ? html`<span class="count"><span aria-hidden="true">${count}</span><span class="visually-hidden">${counted === 'total' ? count : this.unreadLabel(count)}</span></span>` : nothing}
      </button></li>`;
    return html`<nav aria-label=${this.t('folders')}>
      <button class="compose" @click=${() => { this.open = null; this.notice = ''; this.composing = {}; }}>${this.t('compose')}</button>
      <ul>
        ${entry('inbox', this.t('inbox'), f?.system.inbox.unread)}
        ${entry('sent', this.t('sent'))}
        ${entry('drafts', this.t('drafts'), f?.system.drafts.total, 0, 'total')}
        ${(f?.folders ?? []).map((x) => entry(String(x.id), x.name, x.unread, x.depth))}
        ${entry('trash', this.t('trash'))}
        ${this.user.value?.profile === 'Teacher' ? entry('moderation', this.t('moderation')) : nothing}
      </ul></nav>`;
  }

  private unreadLabel(count: number): string {
    return `${count} ${this.t(count === 1 ? 'unreadOne' : 'unread')}`;
  }

  /** The open folder's name: a system folder's word, or the name the user gave. */
  private folderName(): string {
    const own = this.folders?.folders.find((x) => String(x.id) === this.folder);
    return own ? own.name : this.folder in T ? this.t(this.folder as Word) : this.t('folders');
  }

  private renderList() {
    if (this.folder === 'moderation') {
      return html`<ul class="messages" aria-label=${this.t('moderation')}>${this.moderation.length === 0 ? html`<li class="muted">${this.t('empty')}</li>` : this.moderation.map((m) => html`<li class="waiting">
        <strong>${m.subject}</strong> <span class="muted">${m.author?.displayName}</span>
        <preau-rich-text .html=${m.body}></preau-rich-text>
        <div class="actions"><button aria-label=${this.named('approveOne', m)} @click=${() => this.act(`/api/messaging/moderation/${m.id}/approve`)}>${this.t('approve')}</button>
        <button class="secondary" aria-label=${this.named('rejectOne', m)} @click=${() => this.act(`/api/messaging/moderation/${m.id}/reject`)}>${this.t('reject')}</button></div></li>`)}</ul>`;
    }
    return html`<div>
      <ul class="messages" aria-label=${this.folderName()}>
        ${this.items.length === 0 ? html`<li class="muted">${this.t('empty')}</li>` : nothing}
        ${this.items.map((m) => html`<li><button aria-current=${this.open?.id === m.id ? 'true' : 'false'} class=${m.read ? 'row' : 'row unread'} @click=${() => this.read(m.id)}>
          <span>${m.read ? nothing : html`<span class="visually-hidden">${this.t('unreadOne')},</span>`}${this.people(m)}${m.hasAttachments ? html` <span aria-hidden="true">📎</span><span class="visually-hidden">, ${this.t('withAttachment')},</span>` : nothing}</span>
          <time class="muted" datetime=${m.sentAt ?? m.sortAt}>${listDate(m.sentAt ?? m.sortAt, this.language.value ?? 'fr')}</time>
          <span class="subject">${m.subject || this.t('noSubject')}</span>
          <span class="muted preview">${m.preview}</span></button></li>`)}
      </ul>
      ${this.next ? html`<button class="more secondary" @click=${this.more}>${this.t('more')}</button>` : nothing}
    </div>`;
  }

  /** Who a line is about: the author of a message received; the recipients of one's own. */
  private people(m: Summary): string {
    if (m.author?.id !== this.user.value?.id) return m.author?.displayName ?? '';
    return m.recipients.length ? `${this.t('to')} : ${m.recipients.join(', ')}` : this.t('noRecipientYet');
  }

  private renderMessage(m: Message) {
    const canRecall = m.role === 'author' && !m.recalled && m.state === 'sent' && ['Teacher', 'Personnel'].includes(this.user.value?.profile ?? '');
    return html`<article aria-labelledby="subject">
      <h2 id="subject" tabindex="-1">${m.subject}</h2>
      <p class="muted">${this.t('from')} ${m.author?.displayName ?? ''} · ${this.t('to')} ${m.recipients.map((r) => r.label).join(', ')}${m.sentAt ? html` · <time datetime=${m.sentAt}>${new Date(m.sentAt).toLocaleString(this.language.value ?? 'fr')}</time>` : nothing}</p>
      <preau-rich-text class="body" .html=${m.body}></preau-rich-text>
      ${m.attachments.length ? html`<ul aria-label=${this.t('attachments')}>${m.attachments.map((a) => html`<li><a href="/api/messaging/messages/${m.id}/attachments/${a.blobId}" download>${a.name}</a> <span class="muted">(${Math.ceil(a.size / 1024)} Ko)</span></li>`)}</ul>` : nothing}
      <div class="actions">
        ${m.noReply || m.recalled ? nothing : html`<button @click=${() => this.respond('reply')}>${this.t('reply')}</button><button class="secondary" @click=${() => this.respond('replyAll')}>${this.t('replyAll')}</button>`}
        ${m.recalled ? nothing : html`<button class="secondary" @click=${() => this.respond('forward')}>${this.t('forward')}</button>`}
        ${canRecall ? html`<button class="secondary" @click=${() => this.act(`/api/messaging/messages/${m.id}/recall`)}>${this.t('recall')}</button>` : nothing}
        <button class="secondary" @click=${() => window.print()}>${this.t('print')}</button>
        <button class="secondary" @click=${() => this.act('/api/messaging/messages/move', { ids: [m.id], to: 'trash' })}>${this.t('delete')}</button>
      </div>
    </article>`;
  }

  override render() {
    return html`<div class="layout">
      ${this.renderFolders()}
      ${this.renderList()}
      <section>
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
        <p role="status">${this.notice}</p>
        ${this.composing ? html`<messaging-compose .start=${this.composing} @messaging-sent=${this.sent}></messaging-compose>` : this.open ? this.renderMessage(this.open) : nothing}
      </section>
    </div>`;
  }
}
/** A list's date: the time today, the day this year, the full date before. */
function listDate(iso: string, language: 'fr' | 'en', now = new Date()): string {
  const date = new Date(iso);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const day = (d: Date) => d.toLocaleDateString(locale, { timeZone: 'Europe/Paris' });
  if (day(date) === day(now)) return date.toLocaleTimeString(locale, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  const sameYear = date.toLocaleDateString(locale, { timeZone: 'Europe/Paris', year: 'numeric' }) === now.toLocaleDateString(locale, { timeZone: 'Europe/Paris', year: 'numeric' });
  return date.toLocaleDateString(locale, sameYear ? { timeZone: 'Europe/Paris', day: 'numeric', month: 'short' } : { timeZone: 'Europe/Paris', day: 'numeric', month: 'short', year: 'numeric' });
}

customElements.define('messaging-app', MessagingApp);
declare global {
  interface HTMLElementTagNameMap {
    'messaging-app': MessagingApp;
  }
}
