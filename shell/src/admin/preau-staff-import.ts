import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { format } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { StaffImportPreview } from '../api-types.js';
import { printedCode } from '../format.js';
import { ShellElement } from '../shell-element.js';

/**
 * The teachers and staff CSV, in the same two steps as ONDE: send the file and read the preview (who is
 * created, their classes, the directors, the lines skipped), then confirm or cancel. The first activation codes
 * of the accounts created are shown once. Dispatches `import-changed` after each step for the history.
 */
export class PreauStaffImport extends ShellElement {
  static override properties = { schoolId: { type: Number }, preview: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form { max-width: 40rem; }
      input[type='file'] { padding: 0.5rem; }
      h3:focus { outline: none; }
      .code { font-family: ui-monospace, monospace; font-weight: 700; letter-spacing: 0.05em; }
    `,
  ];
  schoolId = 0;
  preview: StaffImportPreview | null = null;
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private base(): string {
    return `/api/core/schools/${this.schoolId}/imports`;
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const file = data.get('staff');
    if (!(file instanceof File) || file.size === 0) {
      this.error = this.t('chooseStaffFile');
      return;
    }
    await this.run(async () => {
      if (this.preview?.status === 'previewed') await this.api.value!.delete(`${this.base()}/${this.preview.id}`).catch(() => undefined);
      this.preview = null;
      this.preview = await this.api.value!.upload<StaffImportPreview>(`${this.base()}/staff/preview`, data);
    });
  }

  private async confirmImport(): Promise<void> {
    const preview = this.preview!;
    await this.run(async () => {
      try {
        this.preview = await this.api.value!.post<StaffImportPreview>(`${this.base()}/staff/${preview.id}/confirm`);
        this.renderRoot.querySelector('form')?.reset();
      } catch (error) {
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
    this.dispatchEvent(new CustomEvent('import-changed', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.error ? '.error' : 'h3.result')?.focus();
  }

  private renderPreview(preview: StaffImportPreview) {
    const applied = preview.status === 'applied';
    const { summary } = preview;
    return html`
      <h3 class="result" tabindex="-1">${this.t(applied ? 'staffAppliedTitle' : 'staffPreviewTitle')}</h3>
      <p>${format(applied ? 'staffSummaryApplied' : 'staffSummary', this.language, summary as unknown as Record<string, number>)}</p>
      ${summary.problems.length ? html`<ul class="problems">${summary.problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : ''}
      ${preview.people.length
        ? html`<div class="table-wrap"><table>
            <caption>${this.t('staffImportTitle')}</caption>
            <thead><tr><th scope="col">${this.t('personName')}</th><th scope="col">${this.t('importStatus')}</th>
              <th scope="col">${this.t('tabClasses')}</th><th scope="col">${this.t('staffDirector')}</th></tr></thead>
            <tbody>${preview.people.map((p) => html`<tr>
              <th scope="row">${p.name}</th>
              <td>${this.t(p.action === 'create' ? (applied ? 'countCreated' : 'actionCreate') : 'actionUnchanged')}</td>
              <td>${p.classes.join(', ') || '—'}</td>
              <td>${p.director ? this.t('staffIsDirector') : '—'}</td>
            </tr>`)}</tbody>
          </table></div>`
        : ''}
      ${preview.codes.length
        ? html`<div class="table-wrap"><table>
            <caption>${this.t('staffCodesTitle')}</caption>
            <thead><tr><th scope="col">${this.t('personName')}</th><th scope="col">${this.t('login')}</th><th scope="col">${this.t('activationCode')}</th></tr></thead>
            <tbody>${preview.codes.map((c) => html`<tr><th scope="row">${c.displayName}</th><td>${c.login}</td><td class="code">${printedCode(c.code)}</td></tr>`)}</tbody>
          </table></div>`
        : ''}
      <div class="actions">
        ${!applied && (summary.created || summary.classAssignments || summary.directors)
          ? html`<button ?disabled=${this.busy} @click=${() => void this.confirmImport()}>${this.t('staffConfirm')}</button>` : ''}
        ${!applied ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.cancel()}>${this.t('cancel')}</button>` : ''}
      </div>
    `;
  }

  override render() {
    return html`
      <h2>${this.t('staffImportTitle')}</h2>
      <p>${this.t('staffImportIntro')}</p>
      <form @submit=${this.send} novalidate>
        <label>${this.t('staffFile')}<input type="file" name="staff" accept=".csv,text/csv" required></label>
        <div class="actions"><button ?disabled=${this.busy}>${this.t('staffPreview')}</button>
          ${this.busy ? html`<span role="status">${this.t('working')}</span>` : ''}</div>
      </form>
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : ''}
      ${this.preview ? this.renderPreview(this.preview) : ''}
    `;
  }
}
customElements.define('preau-staff-import', PreauStaffImport);

declare global {
  interface HTMLElementTagNameMap {
    'preau-staff-import': PreauStaffImport;
  }
}
