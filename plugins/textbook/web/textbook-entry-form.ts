import { html, css, nothing } from 'lit';
import { isoToParisLocal, parisLocalToIso } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import { addDays, parisToday } from './week.js';
import type { ClassList, StaffEntry } from './types.js';

interface Pupil { id: number; displayName: string }

/**
 * Writes or changes a séance or a travail à faire: subject (from the school's list; an entry keeps one hidden since), title, the common
 * editor's rich text, the day, for homework the due date, estimated time and chosen pupils, and when families
 * see it. Opened for a class (`classId` and `kind`) or for an entry (`entryId`).
 */
export class TextbookEntryForm extends TextbookElement {
  static override properties = { classId: {}, entryId: {}, kind: {}, entry: { state: true }, subjects: { state: true }, pupils: { state: true }, error: { state: true }, saving: { state: true } };
  static override styles = [TextbookElement.styles, css`form { display: grid; gap: 0.75rem; max-width: 48rem; } .row { display: flex; flex-wrap: wrap; gap: 0.75rem; } .row > label { flex: 1 1 12rem; }`];
  classId = 0;
  entryId = 0;
  kind: 'session' | 'homework' = 'homework';
  entry: StaffEntry | null = null;
  subjects: string[] = [];
  pupils: Pupil[] = [];
  error = '';
  saving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.get<ClassList>('/api/textbook/classes');
      if (this.entryId) {
        this.entry = await this.api.get<StaffEntry>(`/api/textbook/entries/${this.entryId}`);
        this.classId = this.entry.classId;
        this.kind = this.entry.kind;
      }
      // The subjects of the class's school, as its direction keeps them.
      const schoolId = [...list.classes, ...list.archive].find((c) => c.id === this.classId)?.schoolId;
      this.subjects = list.schools.find((school) => school.id === schoolId)?.subjects ?? [];
      this.pupils = await this.api.get<Pupil[]>(`/api/textbook/classes/${this.classId}/pupils`);
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const homework = this.kind === 'homework';
    const minutes = Number(data.get('minutes') || 0);
    const body = {
      subject: String(data.get('subject') ?? '').trim(),
      title: String(data.get('title') ?? '').trim(),
      body: editor?.value ?? '',
      day: String(data.get('day') ?? ''),
      publishAt: parisLocalToIso(String(data.get('publishAt') ?? '')),
      ...(homework ? { dueOn: String(data.get('dueOn') ?? '') || null, minutes: minutes > 0 ? minutes : null, pupilIds: data.getAll('pupilIds').map(Number) } : {}),
    };
    this.saving = true;
    try {
      if (this.entry) await this.api.patch(`/api/textbook/entries/${this.entry.id}`, body);
      else await this.api.post(`/api/textbook/classes/${this.classId}/entries`, { kind: this.kind, ...body });
      this.go(`/?class=${this.classId}&week=${body.day}`);
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const entry = this.entry;
    if (this.entryId && !entry && !this.error) return html`<p>…</p>`;
    const homework = this.kind === 'homework';
    const today = parisToday();
    const chosen = new Set(entry?.pupilIds ?? []);
    return html`
      <h2>${this.t(homework ? 'kindHomework' : 'kindSession')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <form @submit=${this.save}>
        <div class="row">
          <label>${this.t('subject')}<select name="subject" required>
            <option value="" ?selected=${!entry}></option>
            ${entry && !this.subjects.includes(entry.subject) ? html`<option value=${entry.subject} selected>${this.f('keptSubject', { name: entry.subject })}</option>` : nothing}
            ${this.subjects.map((s) => html`<option value=${s} ?selected=${entry?.subject === s}>${s}</option>`)}
          </select></label>
          <label>${this.t('title')}<input name="title" required maxlength="200" autocomplete="off" .value=${entry?.title ?? ''}></label>
        </div>
        <div class="row">
          <label>${this.t('day')}<input type="date" name="day" required .value=${entry?.day ?? today}></label>
          ${homework ? html`
            <label>${this.t('due')}<input type="date" name="dueOn" required .value=${entry?.dueOn ?? addDays(today, 1)}></label>
            <label>${this.t('estimated')}<input type="number" name="minutes" min="1" max="600" inputmode="numeric" .value=${entry?.minutes ? String(entry.minutes) : ''}></label>` : nothing}
        </div>
        <preau-editor label=${this.t('content')} .value=${entry?.body ?? ''}></preau-editor>
        ${homework && this.pupils.length ? html`<fieldset>
          <legend>${this.t('whichPupils')}</legend>
          <p class="muted">${this.t('wholeClass')}</p>
          ${this.pupils.map((p) => html`<label class="inline"><input type="checkbox" name="pupilIds" value=${p.id} ?checked=${chosen.has(p.id)}>${p.displayName}</label>`)}
        </fieldset>` : nothing}
        <label>${this.t('publishAt')}<input type="datetime-local" name="publishAt" .value=${entry && !entry.published ? isoToParisLocal(entry.publishAt) : ''}></label>
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.t('save')}</button>
          <a class="button secondary" href="/apps/textbook/?class=${this.classId}">${this.t('cancel')}</a>
        </div>
      </form>
    `;
  }
}
customElements.define('textbook-entry-form', TextbookEntryForm);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-entry-form': TextbookEntryForm;
  }
}
