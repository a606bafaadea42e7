import { html, nothing } from 'lit';
import { formatDateTime, showToast } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import type { ClassList, ClassSummary, Replacement } from './types.js';

interface Teacher { id: number; displayName: string }
/** The shell's `<preau-dialog>`, as this page drives it. */
type Dialog = HTMLElement & { show(): Promise<void>; close(): void };

/**
 * The direction names replacement teachers: per class of a school it administers, who replaces there now, a
 * teacher of the school to add, and a confirmed removal.
 */
export class TextbookReplacements extends TextbookElement {
  static override properties = { classes: { state: true }, classId: { state: true }, replacements: { state: true }, candidates: { state: true }, leaving: { state: true }, error: { state: true } };
  classes: ClassSummary[] | null = null;
  classId = 0;
  replacements: Replacement[] = [];
  candidates: Teacher[] = [];
  leaving: Replacement | null = null;
  error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadClasses();
  }

  private get dialog(): Dialog | null {
    return this.renderRoot.querySelector<Dialog>('preau-dialog');
  }

  private get label(): string {
    return this.classes?.find((c) => c.id === this.classId)?.label ?? '';
  }

  private async loadClasses(): Promise<void> {
    try {
      const list = await this.api.get<ClassList>('/api/textbook/classes');
      const administered = new Set(list.schools.filter((s) => s.administers).map((s) => s.id));
      this.classes = list.classes.filter((c) => administered.has(c.schoolId));
      this.classId = this.classes[0]?.id ?? 0;
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async load(): Promise<void> {
    if (!this.classId) return;
    try {
      [this.replacements, this.candidates] = await Promise.all([
        this.api.get<Replacement[]>(`/api/textbook/classes/${this.classId}/replacements`),
        this.api.get<Teacher[]>(`/api/textbook/classes/${this.classId}/replacement-candidates`),
      ]);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const teacherId = Number(new FormData(event.target as HTMLFormElement).get('teacherId'));
    const teacher = this.candidates.find((c) => c.id === teacherId);
    if (!teacher) return;
    try {
      await this.api.put(`/api/textbook/classes/${this.classId}/replacements/${teacherId}`);
      showToast(this.f('replacementAdded', { name: teacher.displayName, label: this.label }), 'success');
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async confirmRemove(): Promise<void> {
    const leaving = this.leaving;
    this.dialog?.close();
    if (!leaving) return;
    try {
      await this.api.delete(`/api/textbook/classes/${this.classId}/replacements/${leaving.teacher.id}`);
      showToast(this.f('replacementRemoved', { name: leaving.teacher.displayName, label: this.label }), 'success');
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async askRemove(replacement: Replacement): Promise<void> {
    this.leaving = replacement;
    await this.updateComplete;
    await this.dialog?.show();
  }

  override render() {
    const lang = this.language;
    if (this.classes && this.classes.length === 0) return html`<preau-empty-state heading=${this.t('noClass')}></preau-empty-state>`;
    return html`
      <h2>${this.t('replacementsTitle')}</h2>
      <p class="muted">${this.t('replacementsHint')}</p>
      <label>${this.t('chooseClass')}
        <select @change=${(e: Event) => { this.classId = Number((e.target as HTMLSelectElement).value); void this.load(); }}>
          ${this.classes?.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.label}</option>`)}
        </select>
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.replacements.length === 0 ? html`<p>${this.t('noReplacement')}</p>` : html`<ul class="plain">
        ${this.replacements.map((r) => html`<li class="card actions">
          <strong>${r.teacher.displayName}</strong> <span class="muted">${this.f('replacementSince', { date: formatDateTime(r.addedAt, lang) })}</span>
          <button class="danger" @click=${() => this.askRemove(r)}>${this.t('removeReplacement')}</button>
        </li>`)}
      </ul>`}
      ${this.candidates.length ? html`<form class="actions" @submit=${this.add}>
        <label for="teacher">${this.t('chooseTeacher')}</label>
        <select id="teacher" name="teacherId" required>${this.candidates.map((c) => html`<option value=${c.id}>${c.displayName}</option>`)}</select>
        <button type="submit">${this.t('addReplacement')}</button>
      </form>` : nothing}
      <preau-dialog heading=${this.leaving ? this.f('confirmRemoveReplacement', { name: this.leaving.teacher.displayName, label: this.label }) : ''} .language=${lang} @close=${() => (this.leaving = null)}>
        <div slot="actions">
          <button class="secondary" @click=${() => this.dialog?.close()}>${this.t('cancel')}</button>
          <button class="danger" @click=${this.confirmRemove}>${this.t('removeReplacement')}</button>
        </div>
      </preau-dialog>
    `;
  }
}
customElements.define('textbook-replacements', TextbookReplacements);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-replacements': TextbookReplacements;
  }
}
