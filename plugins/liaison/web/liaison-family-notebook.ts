import { html, css, nothing } from 'lit';
import { onLiveNotification } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { CATEGORY_LABELS, formatInstant } from './i18n.js';
import { categoryTag } from './word-summary.js';
import type { FamilyPage, FamilyWordView } from './types.js';

/** A child's notebook for their family (the child chosen in the header), or a pupil's own: newest first. */
export class LiaisonFamilyNotebook extends LiaisonElement {
  static override properties = { words: { state: true }, next: { state: true }, error: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      ul { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
      a.title { font-weight: 700; font-size: 1.1rem; }
      li.unread { border-left: 6px solid var(--preau-danger, #b3261e); }
    `,
  ];
  words: FamilyWordView[] = [];
  next: string | null = null;
  error = '';
  private loadedFor?: number;
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = onLiveNotification(() => void this.load(), 'liaison');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  // The header's child switcher changes the child: the list follows.
  override willUpdate(): void {
    const pupilId = this.pupilId();
    if (pupilId && pupilId !== this.loadedFor) void this.load();
  }

  private pupilId(): number | undefined {
    return this.user?.profile === 'Student' ? this.user.id : this.child?.id;
  }

  private async load(more = false): Promise<void> {
    const pupilId = this.pupilId();
    if (!pupilId) return;
    this.loadedFor = pupilId;
    const base = this.user?.profile === 'Student' ? '/api/liaison/me/words' : `/api/liaison/children/${pupilId}/words`;
    try {
      const page = await this.api.get<FamilyPage>(`${base}?limit=20${more && this.next ? `&before=${this.next}` : ''}`);
      this.words = more ? [...this.words, ...page.words] : page.words;
      this.next = page.next;
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  override render() {
    const lang = this.language;
    const child = this.user?.profile === 'Relative' ? this.child : undefined;
    return html`
      ${child ? html`<h2>${this.f('forChild', { name: child.firstName ?? child.displayName })}</h2>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.words.length === 0 && !this.error ? html`<preau-empty-state heading=${this.t('noWords')}></preau-empty-state>` : nothing}
      <ul>
        ${this.words.map((w) => html`<li class="card ${w.unread ? 'unread' : ''}">
          <a class="title" href="/apps/liaison/words/${w.id}">${w.title}</a>
          ${w.unread ? html`<span class="tag unread">${this.t('unread')}</span>` : nothing}
          ${w.modified ? html`<span class="tag modified">${this.t('modified')}</span>` : nothing}
          ${categoryTag(CATEGORY_LABELS[w.category]?.[lang] ?? w.category)}
          <div class="muted">${w.author.displayName} — ${formatInstant(w.sentAt, lang)}</div>
          ${w.requiresAck ? html`<div>${w.acknowledgement
            ? this.f('acknowledgedBy', { name: w.acknowledgement.by.displayName, date: formatInstant(w.acknowledgement.at, lang) })
            : html`<strong>${this.t('acknowledge')} !</strong>`}</div>` : nothing}
        </li>`)}
      </ul>
      ${this.next ? html`<button class="secondary" @click=${() => this.load(true)}>${this.t('loadMore')}</button>` : nothing}
    `;
  }
}
customElements.define('liaison-family-notebook', LiaisonFamilyNotebook);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-family-notebook': LiaisonFamilyNotebook;
  }
}
