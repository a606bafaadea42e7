import { html, css, nothing } from 'lit';
import { formatDay, formatDateTime } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import { addDays, mondayOf, parisToday } from './week.js';
import type { ClassBook, ClassList, StaffEntry } from './types.js';

/**
 * The teacher's (and the direction's) cahier: a class chosen among theirs or the archive, one week at a time,
 * day by day the séances then the homework with its "n/27 fait"; writing, copying, the visa and the PDF.
 */
export class TextbookClassBook extends TextbookElement {
  static override properties = { classes: { state: true }, classId: { state: true }, monday: { state: true }, book: { state: true }, error: { state: true }, notice: { state: true } };
  static override styles = [
    TextbookElement.styles,
    css`
      .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      .day { margin-top: 1rem; }
      .entry header { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; }
      .entry h4 { margin: 0; font-size: 1rem; }
    `,
  ];
  classes: ClassList | null = null;
  classId = 0;
  monday = mondayOf(parisToday());
  book: ClassBook | null = null;
  error = '';
  notice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    if (params.get('week')) this.monday = mondayOf(params.get('week')!);
    if (params.get('class')) this.classId = Number(params.get('class'));
    void this.loadClasses();
  }

  private async loadClasses(): Promise<void> {
    try {
      this.classes = await this.api.get<ClassList>('/api/textbook/classes');
      if (!this.classId) this.classId = this.classes.classes[0]?.id ?? 0;
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async load(): Promise<void> {
    if (!this.classId) return;
    try {
      this.book = await this.api.get<ClassBook>(`/api/textbook/classes/${this.classId}/entries?from=${this.monday}&to=${addDays(this.monday, 6)}`);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private chooseClass(event: Event): void {
    this.classId = Number((event.target as HTMLSelectElement).value);
    this.notice = '';
    void this.load();
  }

  private moveWeek(weeks: number): void {
    this.monday = addDays(this.monday, 7 * weeks);
    void this.load();
  }

  private async removeEntry(entry: StaffEntry): Promise<void> {
    if (!confirm(this.f('confirmDelete', { title: entry.title }))) return;
    try {
      await this.api.delete(`/api/textbook/entries/${entry.id}`);
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async copy(entry: StaffEntry, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const day = String(data.get('day') ?? '');
    try {
      await this.api.post(`/api/textbook/entries/${entry.id}/copy`, { classId: Number(data.get('classId')), day, ...(entry.kind === 'homework' ? { dueOn: String(data.get('dueOn') || day) } : {}) });
      this.notice = this.t('copied');
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async sign(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Read before awaiting: once dispatched, an event from a shadow tree no longer has a target.
    const form = event.target as HTMLFormElement;
    const note = String(new FormData(form).get('note') ?? '');
    try {
      await this.api.post(`/api/textbook/classes/${this.classId}/visas`, { note });
      form.reset();
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private renderEntry(entry: StaffEntry, book: ClassBook) {
    const lang = this.language;
    const writable = book.mayWrite && !entry.locked;
    const targets = this.classes?.classes.filter((c) => c.mayWrite) ?? [];
    return html`<li class="card entry">
      <header>
        <span class="tag">${entry.subject}</span>
        <h4>${entry.title}</h4>
        ${entry.dueOn ? html`<strong>${this.f('dueOn', { date: formatDay(entry.dueOn, lang) })}</strong>` : nothing}
        ${entry.minutes ? html`<span class="muted">(${this.f('minutes', { n: entry.minutes })})</span>` : nothing}
        ${entry.published ? nothing : html`<span class="tag warning">${this.f('notPublished', { date: formatDateTime(entry.publishAt!, lang) })}</span>`}
        ${entry.locked ? html`<span class="tag">${this.t('locked')}</span>` : nothing}
        ${entry.afterVisa ? html`<span class="tag warning">${this.t('afterVisa')}</span>` : nothing}
        ${entry.pupilIds.length ? html`<span class="tag">${this.f('forSomePupils', { n: entry.pupilIds.length })}</span>` : nothing}
      </header>
      <preau-rich-text class="body" .html=${entry.body}></preau-rich-text>
      <div class="muted">${entry.author.displayName}</div>
      <div class="actions">
        ${entry.done ? html`<a class="button secondary" href="/apps/textbook/homework/${entry.id}">${this.f('doneCount', entry.done)} — ${this.t('tracking')}</a>` : nothing}
        ${writable ? html`<a class="button secondary" href="/apps/textbook/entries/${entry.id}/edit">${this.t('edit')}</a>
          <button class="danger" @click=${() => this.removeEntry(entry)}>${this.t('delete')}</button>` : nothing}
        ${targets.length ? html`<details><summary class="button secondary">${this.t('copy')}</summary>
          <form class="actions" @submit=${(e: SubmitEvent) => this.copy(entry, e)}>
            <label>${this.t('copyTo')}<select name="classId">${targets.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.label}</option>`)}</select></label>
            <label>${this.t('day')}<input type="date" name="day" required .value=${addDays(entry.day, 7)}></label>
            ${entry.kind === 'homework' ? html`<label>${this.t('due')}<input type="date" name="dueOn" .value=${entry.dueOn ? addDays(entry.dueOn, 7) : ''}></label>` : nothing}
            <button type="submit">${this.t('copy')}</button>
          </form></details>` : nothing}
      </div>
    </li>`;
  }

  override render() {
    const lang = this.language;
    const list = this.classes;
    if (list && list.classes.length === 0 && list.archive.length === 0) return html`<p>${this.t('noClass')}</p>`;
    const book = this.book;
    const days = [...new Set(book?.entries.map((e) => e.day) ?? [])].sort();
    const sunday = addDays(this.monday, 6);
    return html`
      <div class="toolbar">
        <label>${this.t('chooseClass')}
          <select @change=${this.chooseClass}>
            ${list?.classes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.label}</option>`)}
            ${list?.archive.length ? html`<optgroup label=${this.t('archive')}>${list.archive.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.label}</option>`)}</optgroup>` : nothing}
          </select>
        </label>
        <button class="secondary" @click=${() => this.moveWeek(-1)} aria-label=${this.t('previousWeek')}>←</button>
        <strong aria-live="polite">${this.f('weekOf', { from: formatDay(this.monday, lang), to: formatDay(sunday, lang) })}</strong>
        <button class="secondary" @click=${() => this.moveWeek(1)} aria-label=${this.t('nextWeek')}>→</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      ${book ? html`
        <div class="actions">
          ${book.mayWrite ? html`
            <a class="button" href="/apps/textbook/classes/${book.class.id}/new?kind=session">${this.t('newSession')}</a>
            <a class="button" href="/apps/textbook/classes/${book.class.id}/new?kind=homework">${this.t('newHomework')}</a>` : nothing}
          ${book.current ? nothing : html`<span class="tag">${this.t('readOnly')}</span>`}
          <a class="button secondary" href="/api/textbook/classes/${book.class.id}/textbook.pdf?from=${this.monday}&to=${sunday}" download>${this.t('print')}</a>
          <a class="button secondary" href="/api/textbook/classes/${book.class.id}/pupil-sheets.pdf?from=${this.monday}&to=${sunday}" download>${this.t('pupilSheets')}</a>
        </div>
        <p class="muted">${book.lastVisa ? this.f('lastVisa', { name: book.lastVisa.by.displayName, date: formatDateTime(book.lastVisa.at, lang) }) : this.t('noVisa')}
          ${book.lastVisa?.note ? html`— « ${book.lastVisa.note} »` : nothing}</p>
        ${book.mayVisa ? html`<form class="actions" @submit=${this.sign}>
          <label>${this.t('visaNote')}<input name="note" maxlength="2000" autocomplete="off"></label>
          <button type="submit">${this.t('visa')}</button>
        </form>` : nothing}
        ${days.length === 0 ? html`<p>${this.t('nothingThisWeek')}</p>` : nothing}
        ${days.map((day) => html`<section class="day" aria-label=${formatDay(day, lang)}>
          <h3>${formatDay(day, lang)}</h3>
          ${(['session', 'homework'] as const).map((kind) => {
            const entries = book.entries.filter((e) => e.day === day && e.kind === kind);
            return entries.length ? html`<h4>${this.t(kind === 'session' ? 'sessions' : 'homework')}</h4><ul class="plain">${entries.map((e) => this.renderEntry(e, book))}</ul>` : nothing;
          })}
        </section>`)}
      ` : nothing}
    `;
  }
}
customElements.define('textbook-class-book', TextbookClassBook);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-class-book': TextbookClassBook;
  }
}
