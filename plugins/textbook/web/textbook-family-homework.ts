import { html, css, nothing } from 'lit';
import { formatDateTime, formatDay, refreshBadges } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import type { Bucket, ChildHomework, FamilyHomework, FamilySession } from './types.js';

const BUCKETS: readonly [Bucket, 'bucketToday' | 'bucketTomorrow' | 'bucketWeek' | 'bucketLater'][] = [
  ['tomorrow', 'bucketTomorrow'], ['today', 'bucketToday'], ['week', 'bucketWeek'], ['later', 'bucketLater'],
];

/**
 * "Qu'est-ce que tu as à faire pour demain ?": the homework of the child chosen in the header (or the pupil's
 * own) under "Pour demain", "Cette semaine", "Plus tard", each with its "Fait" box, then the last days' séances.
 */
export class TextbookFamilyHomework extends TextbookElement {
  static override properties = { data: { state: true }, sessions: { state: true }, error: { state: true } };
  static override styles = [
    TextbookElement.styles,
    css`
      .homework { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.75rem; align-items: start; }
      .homework input { margin-top: 0.2rem; }
      .homework.done h4 { text-decoration: line-through; color: var(--preau-muted, #4a5263); }
      .homework h4 { margin: 0; font-size: 1rem; }
    `,
  ];
  data: ChildHomework | null = null;
  sessions: FamilySession[] = [];
  error = '';
  private loadedFor?: number;

  // The header's child switcher changes the child: the page follows.
  override willUpdate(): void {
    const pupilId = this.pupilId();
    if (pupilId && pupilId !== this.loadedFor) void this.load();
  }

  private pupilId(): number | undefined {
    return this.user?.profile === 'Student' ? this.user.id : this.child?.id;
  }

  private async load(): Promise<void> {
    const pupilId = this.pupilId();
    if (!pupilId) return;
    this.loadedFor = pupilId;
    try {
      [this.data, this.sessions] = await Promise.all([
        this.api.get<ChildHomework>(`/api/textbook/pupils/${pupilId}/homework`),
        this.api.get<FamilySession[]>(`/api/textbook/pupils/${pupilId}/sessions`),
      ]);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async toggle(item: FamilyHomework, event: Event): Promise<void> {
    // Kept before awaiting: once dispatched, an event from a shadow tree no longer has a target.
    const box = event.target as HTMLInputElement;
    const checked = box.checked;
    const url = `/api/textbook/homework/${item.id}/pupils/${this.data!.pupil.id}/done`;
    try {
      if (checked) await this.api.put(url);
      else await this.api.delete(url);
      refreshBadges();
      await this.load();
    } catch (error) {
      this.error = this.message(error);
      box.checked = !checked;
    }
  }

  private renderItem(item: FamilyHomework, mayTick: boolean) {
    const lang = this.language;
    const id = `done-${item.id}`;
    return html`<li class="card homework ${item.done ? 'done' : ''}">
      <input type="checkbox" id=${id} .checked=${!!item.done} ?disabled=${!mayTick} @change=${(e: Event) => this.toggle(item, e)}
        aria-label=${this.f('doneFor', { title: item.title })}>
      <div>
        <h4><label for=${id}>${item.title}</label></h4>
        <div><span class="tag">${item.subject}</span> ${this.f('dueOn', { date: formatDay(item.dueOn, lang) })}
          ${item.minutes ? html`<span class="muted">(${this.f('minutes', { n: item.minutes })})</span>` : nothing}
          ${item.done?.late ? html`<span class="tag late">${this.t('late')}</span>` : nothing}
          ${item.changedAt ? html`<span class="tag warning">${this.f('changedOn', { date: formatDateTime(item.changedAt, lang) })}</span>` : nothing}</div>
        <preau-rich-text class="body" .html=${item.body}></preau-rich-text>
        <div class="muted">${item.author.displayName}</div>
      </div>
    </li>`;
  }

  override render() {
    const lang = this.language;
    const data = this.data;
    const child = this.user?.profile === 'Relative' ? this.child : undefined;
    return html`
      <h2>${child ? this.f('forChild', { name: child.firstName ?? child.displayName }) : this.t('myHomework')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${data && data.homework.length === 0 ? html`<p>${this.t('noHomework')}</p>` : nothing}
      ${data ? BUCKETS.map(([bucket, label]) => {
        const items = data.homework.filter((h) => h.bucket === bucket);
        return items.length ? html`<section aria-labelledby="b-${bucket}"><h3 id="b-${bucket}">${this.t(label)}</h3>
          <ul class="plain">${items.map((item) => this.renderItem(item, data.mayTick))}</ul></section>` : nothing;
      }) : nothing}
      <section aria-labelledby="sessions"><h3 id="sessions">${this.t('daySessions')}</h3>
        ${this.sessions.length === 0 ? html`<p class="muted">${this.t('noSessions')}</p>` : html`<ul class="plain">
          ${[...this.sessions].reverse().map((s) => html`<li class="card">
            <div><span class="tag">${s.subject}</span> <strong>${s.title}</strong> — <span class="muted">${formatDay(s.day, lang)}</span></div>
            <preau-rich-text class="body" .html=${s.body}></preau-rich-text>
          </li>`)}</ul>`}
      </section>
    `;
  }
}
customElements.define('textbook-family-homework', TextbookFamilyHomework);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-family-homework': TextbookFamilyHomework;
  }
}
