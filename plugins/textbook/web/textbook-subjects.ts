import { html, css, nothing } from 'lit';
import { showToast } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import type { ClassList, SchoolSummary, Subject, SubjectList } from './types.js';

/**
 * The settings tab of the direction: the school's subject list, in the order teachers see it; rename in
 * place, move up or down, hide one no longer used (old entries keep it), remove, add; saved as a whole.
 */
export class TextbookSubjects extends TextbookElement {
  static override properties = { schools: { state: true }, schoolId: { state: true }, subjects: { state: true }, error: { state: true }, saving: { state: true } };
  static override styles = [TextbookElement.styles, css`
    ol { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.5rem; max-width: 40rem; }
    li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    li input[type='text'] { flex: 1 1 12rem; }
    li.hidden input[type='text'] { color: var(--preau-muted, #4a5263); }
  `];
  schools: SchoolSummary[] = [];
  schoolId = 0;
  subjects: Subject[] = [];
  error = '';
  saving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSchools();
  }

  private async loadSchools(): Promise<void> {
    try {
      this.schools = (await this.api.get<ClassList>('/api/textbook/classes')).schools.filter((s) => s.administers);
      this.schoolId = this.schools[0]?.id ?? 0;
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async load(): Promise<void> {
    if (!this.schoolId) return;
    try {
      this.subjects = (await this.api.get<SubjectList>(`/api/textbook/schools/${this.schoolId}/subjects`)).subjects;
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private change(index: number, patch: Partial<Subject>): void {
    this.subjects = this.subjects.map((s, i) => (i === index ? { ...s, ...patch } : s));
  }

  private move(index: number, by: number): void {
    const next = [...this.subjects];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    this.subjects = next;
    // Keyboard users keep their place: the focus follows the subject moved.
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLInputElement>("input[type='text']")[index + by]?.focus());
  }

  private add(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) return;
    this.subjects = [...this.subjects, { id: null, name, hidden: false }];
    form.reset();
  }

  private async save(): Promise<void> {
    this.saving = true;
    try {
      const saved = await this.api.put<SubjectList>(`/api/textbook/schools/${this.schoolId}/subjects`, {
        subjects: this.subjects.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, hidden: s.hidden })),
      });
      this.subjects = saved.subjects;
      this.error = '';
      showToast(this.t('saved'), 'success');
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const last = this.subjects.length - 1;
    return html`
      <h2>${this.t('subjectsTitle')}</h2>
      <p class="muted">${this.t('subjectsHint')}</p>
      ${this.schools.length > 1 ? html`<label>${this.t('school')}
        <select @change=${(e: Event) => { this.schoolId = Number((e.target as HTMLSelectElement).value); void this.load(); }}>
          ${this.schools.map((s) => html`<option value=${s.id} ?selected=${s.id === this.schoolId}>${s.name}</option>`)}
        </select></label>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ol>
        ${this.subjects.map((s, i) => html`<li class=${s.hidden ? 'hidden' : ''}>
          <input type="text" required maxlength="80" aria-label=${this.f('subjectName', { n: i + 1 })} .value=${s.name}
            @input=${(e: Event) => this.change(i, { name: (e.target as HTMLInputElement).value })}>
          <label class="inline"><input type="checkbox" .checked=${s.hidden} @change=${(e: Event) => this.change(i, { hidden: (e.target as HTMLInputElement).checked })}>${this.t('hiddenSubject')}</label>
          <button class="secondary" ?disabled=${i === 0} aria-label=${this.f('moveUp', { name: s.name })} @click=${() => this.move(i, -1)}>↑</button>
          <button class="secondary" ?disabled=${i === last} aria-label=${this.f('moveDown', { name: s.name })} @click=${() => this.move(i, 1)}>↓</button>
          <button class="secondary" aria-label=${this.f('removeSubject', { name: s.name })} @click=${() => (this.subjects = this.subjects.filter((_, j) => j !== i))}>×</button>
        </li>`)}
      </ol>
      <form class="actions" @submit=${this.add}>
        <label>${this.t('newSubject')}<input name="name" maxlength="80" autocomplete="off"></label>
        <button type="submit" class="secondary">${this.t('addSubject')}</button>
      </form>
      <div class="actions"><button ?disabled=${this.saving} @click=${this.save}>${this.t('save')}</button></div>
    `;
  }
}
customElements.define('textbook-subjects', TextbookSubjects);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-subjects': TextbookSubjects;
  }
}
