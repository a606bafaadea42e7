import { html, css, nothing } from 'lit';
import { fieldProblem, formProblem, isoToParisLocal, parisLocalToIso, uploadChosenFiles } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { CATEGORY_LABELS } from './i18n.js';
import type { ClassView, StaffWordView } from './types.js';

type QuestionKind = 'none' | 'yes-no' | 'choice';

/** Writing or changing a word: recipients, the common editor, options, a question, and when to send it. */
export class LiaisonWordForm extends LiaisonElement {
  static override properties = { wordId: { type: Number }, classes: { state: true }, word: { state: true }, error: { state: true }, busy: { state: true }, questionKind: { state: true }, files: { state: true }, uploading: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      form { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; max-width: 48rem; }
      .pupils { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: 0.25rem 1rem; }
    `,
  ];
  wordId?: number;
  classes: ClassView[] = [];
  word: StaffWordView | null = null;
  error = '';
  busy = false;
  questionKind: QuestionKind = 'none';
  files: StaffWordView['attachments'] = [];
  uploading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.classes = await this.api.get<ClassView[]>('/api/liaison/classes');
      if (this.wordId) {
        this.word = await this.api.get<StaffWordView>(`/api/liaison/words/${this.wordId}`);
        this.questionKind = this.word.question?.kind ?? 'none';
        this.files = this.word.attachments;
      }
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = this.problem(form, data);
    if (this.error) return;
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const kind = data.get('questionKind') as QuestionKind;
    const deadline = parisLocalToIso(String(data.get('questionDeadline') ?? ''));
    const body = {
      title: String(data.get('title') ?? '').trim(),
      body: editor?.value ?? '',
      category: String(data.get('category')),
      classIds: data.getAll('classIds').map(Number),
      pupilIds: data.getAll('pupilIds').map(Number).filter((id) => !data.getAll('classIds').map(Number).includes(this.classOfPupil(id))),
      requiresAck: data.get('requiresAck') === 'on',
      repliesAllowed: data.get('repliesAllowed') === 'on',
      sendAt: parisLocalToIso(String(data.get('sendAt') ?? '')),
      attachmentIds: this.files.map((f) => f.id),
      question: kind === 'none' ? null : {
        kind,
        prompt: String(data.get('questionPrompt') ?? '').trim(),
        ...(kind === 'choice' ? { options: String(data.get('questionOptions') ?? '').split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
        deadline,
      },
    };
    this.busy = true;
    this.error = '';
    try {
      const saved = this.wordId
        ? await this.api.put<StaffWordView>(`/api/liaison/words/${this.wordId}`, this.word?.sentAt ? { ...body, classIds: [], pupilIds: [] } : body)
        : await this.api.post<StaffWordView>('/api/liaison/words', body);
      this.go(`/words/${saved.id}`);
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.busy = false;
    }
  }

  /** What the server would refuse, told before sending and in the same words. */
  private problem(form: HTMLFormElement, data: FormData): string {
    const problem = formProblem(form, this.language);
    if (problem) return problem;
    if (data.get('questionKind') === 'choice' && String(data.get('questionOptions') ?? '').split('\n').filter((o) => o.trim()).length < 2) {
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="questionOptions"]')?.focus();
      return fieldProblem('tooFewItems', this.t('questionOptions'), this.language, 2);
    }
    return '';
  }

  // Files go up as soon as they are chosen; the word then only names them.
  private async upload(event: Event): Promise<void> {
    this.uploading = true;
    this.error = '';
    try {
      const added = await uploadChosenFiles<StaffWordView['attachments'][number]>(this.api, '/api/liaison/attachments', event.target as HTMLInputElement);
      this.files = [...this.files, ...added];
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.uploading = false;
    }
  }

  private classOfPupil(pupilId: number): number {
    return this.classes.find((c) => c.pupils.some((p) => p.id === pupilId))?.id ?? 0;
  }

  override render() {
    const lang = this.language;
    const word = this.word;
    if (this.wordId && !word && !this.error) return html`<p>…</p>`;
    const sent = Boolean(word?.sentAt);
    // A teacher of one class writes to it: "Toute la classe" starts ticked rather than ticked every time.
    const chosenClasses = new Set(word ? word.classes.filter(() => word.pupilIds.length === 0).map((c) => c.id) : this.classes.length === 1 ? [this.classes[0]!.id] : []);
    const chosenPupils = new Set(word?.pupilIds ?? []);
    return html`
      <h2>${this.wordId ? this.t('editWord') : this.t('newWord')}</h2>
      <form @submit=${this.submit} novalidate>
        <label>${this.t('title')}<input name="title" required maxlength="200" .value=${word?.title ?? ''}></label>
        <label>${this.t('category')}
          <select name="category">
            ${Object.entries(CATEGORY_LABELS).map(([value, label]) => html`<option value=${value} ?selected=${(word?.category ?? 'information') === value}>${label[lang]}</option>`)}
          </select>
        </label>
        ${sent ? nothing : html`<fieldset>
          <legend>${this.t('recipients')}</legend>
          ${this.classes.map((c) => html`
            <label class="check"><input type="checkbox" name="classIds" value=${c.id} ?checked=${chosenClasses.has(c.id)}>${c.label} — ${this.t('wholeClass')}</label>
            <details>
              <summary>${this.t('choosePupils')} (${c.label})</summary>
              <div class="pupils">
                ${c.pupils.map((p) => html`<label class="check"><input type="checkbox" name="pupilIds" value=${p.id} ?checked=${chosenPupils.has(p.id)}>${p.displayName}</label>`)}
              </div>
            </details>`)}
        </fieldset>`}
        <preau-editor label=${this.t('body')} .value=${word?.body ?? ''}></preau-editor>
        <fieldset>
          <legend>${this.t('attachments')}</legend>
          <ul class="files">${this.files.map((f) => html`<li>📎 ${f.name}
            <button class="quiet" type="button" aria-label=${this.f('removeFile', { name: f.name })} @click=${() => (this.files = this.files.filter((x) => x.id !== f.id))}>✕</button></li>`)}</ul>
          <label>${this.t('addFiles')}<input type="file" multiple @change=${this.upload} ?disabled=${this.uploading}></label>
          ${this.uploading ? html`<p role="status">${this.t('uploading')}</p>` : nothing}
        </fieldset>
        <label class="check"><input type="checkbox" name="requiresAck" ?checked=${word?.requiresAck ?? true}>${this.t('requiresAck')}</label>
        <label class="check"><input type="checkbox" name="repliesAllowed" ?checked=${word?.repliesAllowed ?? true}>${this.t('repliesAllowed')}</label>
        <fieldset>
          <legend>${this.t('question')}</legend>
          ${(['none', 'yes-no', 'choice'] as const).map((kind) => html`<label class="check">
            <input type="radio" name="questionKind" value=${kind} ?checked=${this.questionKind === kind} @change=${() => (this.questionKind = kind)}>
            ${this.t(kind === 'none' ? 'questionNone' : kind === 'yes-no' ? 'questionYesNo' : 'questionChoice')}
          </label>`)}
          ${this.questionKind === 'none' ? nothing : html`
            <label>${this.t('questionPrompt')}<input name="questionPrompt" required maxlength="300" .value=${word?.question?.prompt ?? ''}></label>
            ${this.questionKind === 'choice' ? html`<label>${this.t('questionOptions')}<textarea name="questionOptions" rows="4" .value=${word?.question?.kind === 'choice' ? word.question.options.join('\n') : ''}></textarea></label>` : nothing}
            <label>${this.t('questionDeadline')}<input type="datetime-local" name="questionDeadline" .value=${isoToParisLocal(word?.question?.deadline)}></label>`}
        </fieldset>
        ${sent ? nothing : html`<label>${this.t('sendAt')}<input type="datetime-local" name="sendAt" .value=${word && word.sendAt > new Date().toISOString() ? isoToParisLocal(word.sendAt) : ''}></label>`}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button ?disabled=${this.busy}>${this.wordId ? this.t('save') : this.t('send')}</button>
          <a class="button secondary" href=${this.wordId ? `/apps/liaison/words/${this.wordId}` : '/apps/liaison/'}>${this.t('cancel')}</a>
        </div>
      </form>
    `;
  }
}
customElements.define('liaison-word-form', LiaisonWordForm);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-word-form': LiaisonWordForm;
  }
}
