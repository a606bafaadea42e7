import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, languageContext, userContext } from '@preau/sdk/web';
import { texts } from './texts.js';

interface Item {
  id: number;
  schoolId: number;
  title: string;
  createdAt: string;
}

/** The items of one of the user's schools, and a form to add one (the server says who may). */
export class AgendaApp extends LitElement {
  static override properties = { path: {}, schoolId: { state: true }, items: { state: true }, error: { state: true } };
  static override styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin-bottom: 1rem; }
    label { display: grid; gap: 0.25rem; flex: 1 1 14rem; }
    input, select, button { font: inherit; min-height: 44px; border-radius: 8px; border: 1px solid #6b7385; padding: 0 0.75rem; }
    button { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border: none; cursor: pointer; }
    :is(input, select, button):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    ul { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
    li { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 0.75rem 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
    small { color: var(--preau-muted, #4a5263); }
    [role='alert'] { color: var(--preau-danger, #b3261e); }
  `;
  /** The rest of the URL after /apps/agenda/, given by the shell. */
  path = '';
  schoolId = 0;
  items: Item[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    this.schoolId = this.user.value?.schools[0]?.id ?? 0;
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.schoolId || !this.api.value) return;
    try {
      this.items = await this.api.value.get<Item[]>(`/api/agenda/schools/${this.schoolId}/items`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const title = new FormData(form).get('title');
    try {
      await this.api.value!.post(`/api/agenda/schools/${this.schoolId}/items`, { title });
      form.reset();
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private chooseSchool(event: Event): void {
    this.schoolId = Number((event.target as HTMLSelectElement).value);
    void this.load();
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    const schools = this.user.value?.schools ?? [];
    return html`
      ${schools.length > 1
        ? html`<label>${texts.text('school', lang)}
            <select @change=${this.chooseSchool}>${schools.map((s) => html`<option value=${s.id} ?selected=${s.id === this.schoolId}>${s.name}</option>`)}</select>
          </label>`
        : ''}
      <form @submit=${this.add}>
        <label>${texts.text('newItem', lang)}<input name="title" required maxlength="200" autocomplete="off" /></label>
        <button type="submit">${texts.text('add', lang)}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.items.length === 0
        ? html`<p>${texts.text('empty', lang)}</p>`
        : html`<ul>${this.items.map((item) => html`<li>${item.title}<br /><small>${formatDateTime(item.createdAt, lang)}</small></li>`)}</ul>`}
    `;
  }
}
customElements.define('agenda-app', AgendaApp);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-app': AgendaApp;
  }
}
