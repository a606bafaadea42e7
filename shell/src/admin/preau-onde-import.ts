import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { ImportPreview } from '../api-types.js';
import { schoolPath } from '../routes.js';
import './preau-import-preview.js';
import './preau-import-history.js';
import './preau-staff-import.js';
import { ShellElement } from '../shell-element.js';

/**
 * The ONDE import of a school in two steps: send both extractions and read the preview (nothing is written),
 * then confirm (everything is written at once) or cancel; then the teachers and staff CSV, in the same two steps.
 * The history of imports follows.
 */
export class PreauOndeImport extends ShellElement {
  static override properties = { schoolId: { type: Number }, preview: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form { max-width: 40rem; }
      input[type='file'] { padding: 0.5rem; }
      ol { margin: 0 0 1rem; padding-left: 1.4rem; line-height: 1.5; }
    `,
  ];
  schoolId = 0;
  preview: ImportPreview | null = null;
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private base(): string {
    return `/api/core/schools/${this.schoolId}/imports`;
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const pupils = data.get('pupils');
    const guardians = data.get('guardians');
    const chosen = (file: FormDataEntryValue | null) => file instanceof File && file.size > 0;
    this.error = !chosen(pupils) ? this.t('choosePupilsFile') : !chosen(guardians) ? this.t('chooseGuardiansFile') : '';
    if (this.error) return;
    await this.run(async () => {
      // A preview still open is dropped: only the newest one may be confirmed.
      if (this.preview?.status === 'previewed') await this.api.value!.delete(`${this.base()}/${this.preview.id}`).catch(() => undefined);
      this.preview = null;
      this.preview = await this.api.value!.upload<ImportPreview>(`${this.base()}/onde`, data);
    });
  }

  private async confirmImport(): Promise<void> {
    const preview = this.preview!;
    await this.run(async () => {
      try {
        this.preview = await this.api.value!.post<ImportPreview>(`${this.base()}/${preview.id}/confirm`);
        (this.renderRoot.querySelector('form') as HTMLFormElement | null)?.reset();
      } catch (error) {
        // Another import ran since this preview: it cannot be confirmed any more, the files must be read again.
        if (error instanceof ApiError && error.code === 'PREAU_ERR_IMPORT_STALE') this.preview = null;
        throw error;
      }
    });
  }

  private async cancel(): Promise<void> {
    const preview = this.preview!;
    await this.run(async () => {
      if (preview.status === 'previewed') await this.api.value!.delete(`${this.base()}/${preview.id}`);
      this.preview = null;
    });
  }

  /** Runs a step, shows its error, refreshes the history and moves focus to what changed. */
  private async run(step: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await step();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector('preau-import-history')?.reload();
    const focus = this.error ? this.renderRoot.querySelector<HTMLElement>('.error') : this.renderRoot.querySelector('preau-import-preview')?.heading();
    focus?.focus();
  }

  private renderForm() {
    return html`
      <form @submit=${this.send} novalidate>
        <label>${this.t('pupilsFile')}<input type="file" name="pupils" accept=".csv,text/csv" required></label>
        <label>${this.t('guardiansFile')}<input type="file" name="guardians" accept=".csv,text/csv" required></label>
        <div class="actions"><button ?disabled=${this.busy}>${this.t('previewImport')}</button>
          ${this.busy ? html`<span role="status">${this.t('working')}</span>` : ''}</div>
      </form>
    `;
  }

  private renderPreview(preview: ImportPreview) {
    const previewed = preview.status === 'previewed';
    return html`
      <preau-import-preview .preview=${preview} .language=${this.language}></preau-import-preview>
      <div class="actions">
        ${previewed && !preview.unchanged ? html`<button ?disabled=${this.busy} @click=${() => void this.confirmImport()}>${this.t('confirmImport')}</button>` : ''}
        ${previewed
          ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.cancel()}>${this.t('cancel')}</button>`
          : html`<a href=${schoolPath(this.schoolId, 'classes')}>${this.t('seeClasses')}</a>`}
      </div>
    `;
  }

  override render() {
    return html`
      <h2>${this.t('tabImport')}</h2>
      <p>${this.t('importIntro')}</p>
      <ol>
        <li>${this.t('importStep1')}</li>
        <li>${this.t('importStep2')}</li>
        <li>${this.t('importStep3')}</li>
      </ol>
      ${this.renderForm()}
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : ''}
      ${this.preview ? this.renderPreview(this.preview) : ''}
      <preau-staff-import .schoolId=${this.schoolId} .language=${this.language}
        @import-changed=${() => void this.renderRoot.querySelector('preau-import-history')?.reload()}></preau-staff-import>
      <preau-import-history .schoolId=${this.schoolId} .language=${this.language}></preau-import-history>
    `;
  }
}
customElements.define('preau-onde-import', PreauOndeImport);

declare global {
  interface HTMLElementTagNameMap {
    'preau-onde-import': PreauOndeImport;
  }
}
