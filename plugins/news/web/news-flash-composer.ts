import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, fieldProblem, formProblem, languageContext, userContext } from '@preau/sdk/web';
import { formatDateTime, fromLocalInput, toLocalInput, type AuthoredFlash } from './api-types.js';
import { text } from './i18n.js';
import { formStyles } from './shared-styles.js';

const PROFILES = ['Relative', 'Teacher', 'Student', 'Personnel', 'Guest'] as const;

/** The director's flash messages: writing one, and how many of those targeted have read each ("212/240 lus"). */
export class NewsFlashComposer extends LitElement {
  static override properties = { schoolIds: { attribute: false }, authored: { state: true }, error: { state: true }, classes: { state: true }, editing: { state: true } };
  static override styles = formStyles;
  schoolIds: number[] = [];
  authored: AuthoredFlash[] = [];
  classes: { id: number; label: string; schoolId: number }[] = [];
  error = '';
  /** The message being corrected in the form (its readers stay counted), or null for a new one. */
  editing: AuthoredFlash | null = null;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolIds')) void this.loadClasses();
  }

  private async load(): Promise<void> {
    try {
      this.authored = (await this.api.value?.get<AuthoredFlash[]>('/api/news/flash/authored')) ?? [];
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  // Every class of the schools the message is written for, not only those the director teaches (a director
  // without a class would see none).
  private async loadClasses(): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    const schoolIds = this.schoolIds;
    try {
      const lists = await Promise.all(schoolIds.map((id) => api.get<{ id: number; label: string }[]>(`/api/core/schools/${id}/classes`)));
      if (schoolIds !== this.schoolIds) return;
      this.classes = lists.flatMap((list, i) => list.map((c) => ({ id: c.id, label: c.label, schoolId: schoolIds[i]! })));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async post(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    this.error = this.problem(form, data);
    if (this.error) return;
    const body = {
      schoolIds: data.getAll('school').map(Number),
      title: String(data.get('title')), body: editor?.value ?? '', colour: String(data.get('colour')), signature: String(data.get('signature')),
      profiles: data.getAll('profile').map(String), classIds: data.getAll('class').map(Number),
      startsAt: fromLocalInput(String(data.get('startsAt'))), endsAt: fromLocalInput(String(data.get('endsAt'))), notify: data.get('notify') === 'on',
    };
    try {
      if (this.editing) await this.api.value!.put(`/api/news/flash/${this.editing.id}`, body);
      else await this.api.value!.post('/api/news/flash', body);
      await this.load();
      await this.fill(null);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  /** What the server would refuse, told before sending and in the same words. */
  private problem(form: HTMLFormElement, data: FormData): string {
    const language = this.language.value ?? 'fr';
    const unticked = (name: string, label: Parameters<typeof text>[0]) => {
      if (data.getAll(name).length > 0) return '';
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
      return fieldProblem('tooFewItems', text(label, language), language, 1);
    };
    return formProblem(form, language) || unticked('school', 'school') || unticked('profile', 'targets');
  }

  // The form's fields hold their values as defaults (attributes): a reset then shows the message being corrected,
  // or a blank one, whatever was typed before.
  private async fill(flash: AuthoredFlash | null): Promise<void> {
    this.editing = flash;
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.reset();
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    if (editor) editor.value = flash?.body ?? '';
  }

  private async correct(flash: AuthoredFlash | null): Promise<void> {
    await this.fill(flash);
    this.renderRoot.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
  }

  private async withdraw(id: number): Promise<void> {
    await this.api.value!.delete(`/api/news/flash/${id}`);
    await this.load();
  }

  override render() {
    const language = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof text>[0]) => text(key, language);
    const now = new Date();
    const schools = (this.user.value?.schools ?? []).filter((s) => this.schoolIds.includes(s.id));
    const e = this.editing;
    const colour = e?.colour ?? 'info';
    return html`
      <form novalidate @submit=${this.post} aria-label=${t(e ? 'flashEdit' : 'flashNew')}>
        <fieldset><legend>${t('school')}</legend>
          ${schools.map((s) => html`<label class="check"><input type="checkbox" name="school" value=${s.id} ?checked=${e ? e.schoolIds.includes(s.id) : schools.length === 1} /> ${s.name}</label>`)}
        </fieldset>
        <label>${t('title')} <input name="title" required maxlength="120" value=${e?.title ?? ''} /></label>
        <preau-editor label=${t('body')}></preau-editor>
        <label>${t('colour')}
          <select name="colour">
            ${(['info', 'warning', 'urgent'] as const).map((c) => html`<option value=${c} ?selected=${c === colour}>${t(c === 'info' ? 'colourInfo' : c === 'warning' ? 'colourWarning' : 'colourUrgent')}</option>`)}
          </select>
        </label>
        <label>${t('signature')} <input name="signature" required maxlength="120" value=${e?.signature ?? this.user.value?.displayName ?? ''} /></label>
        <fieldset><legend>${t('targets')}</legend>
          ${PROFILES.map((p) => html`<label class="check"><input type="checkbox" name="profile" value=${p} ?checked=${e ? e.profiles.includes(p) : p === 'Relative'} /> ${t(p)}</label>`)}
        </fieldset>
        ${this.classes.length ? html`<fieldset><legend>${t('classes')}</legend>
          ${this.classes.map((c) => html`<label class="check"><input type="checkbox" name="class" value=${c.id} ?checked=${e?.classIds.includes(c.id) ?? false} /> ${c.label}${schools.length > 1 ? ` (${schools.find((s) => s.id === c.schoolId)?.name ?? ''})` : ''}</label>`)}
        </fieldset>` : nothing}
        <label>${t('startsAt')} <input type="datetime-local" name="startsAt" required value=${toLocalInput(e ? new Date(e.startsAt) : now)} /></label>
        <label>${t('endsAt')} <input type="datetime-local" name="endsAt" required value=${toLocalInput(e ? new Date(e.endsAt) : new Date(now.getTime() + 2 * 86_400_000))} /></label>
        <label class="check"><input type="checkbox" name="notify" ?checked=${e?.notify ?? false} /> ${t('notify')}</label>
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit">${t(e ? 'flashSave' : 'post')}</button>
          ${e ? html`<button type="button" class="secondary" @click=${() => this.correct(null)}>${t('flashCancel')}</button>` : nothing}
        </div>
      </form>
      <h2>${t('flash')}</h2>
      <ul class="authored">
        ${this.authored.map((f) => html`<li data-flash=${f.id}>
          <strong>${f.title}</strong> — ${formatDateTime(f.startsAt, language)} → ${formatDateTime(f.endsAt, language)}
          — <span class="reads">${f.read}/${f.targeted} ${t('reads')}</span>
          <button type="button" class="secondary" @click=${() => this.correct(f)} aria-label="${t('flashFix')} ${f.title}">${t('flashFix')}</button>
          <button type="button" class="secondary" @click=${() => this.withdraw(f.id)} aria-label="${t('withdraw')} ${f.title}">${t('withdraw')}</button>
        </li>`)}
      </ul>`;
  }
}
customElements.define('news-flash-composer', NewsFlashComposer);

declare global {
  interface HTMLElementTagNameMap {
    'news-flash-composer': NewsFlashComposer;
  }
}
