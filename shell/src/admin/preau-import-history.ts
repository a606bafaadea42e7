import { html } from 'lit';
import { formStyles, tableStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import type { ImportHistoryRow, ImportSummary, StaffImportSummary } from '../api-types.js';
import { formatDateTime } from '../format.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

const STATUS: Record<string, TextKey> = { previewed: 'statusPreviewed', applied: 'statusApplied', discarded: 'statusDiscarded' };

/** The file names an import was read from, when the server kept them. */
function fileNames(files: unknown): string {
  const names = (files as { names?: { pupils?: string; guardians?: string; staff?: string } | null } | null)?.names;
  return names ? [names.pupils, names.guardians, names.staff].filter(Boolean).join(', ') : '';
}

/** The imports of a school, newest first. */
export class PreauImportHistory extends ShellElement {
  static override properties = { schoolId: { type: Number } };
  static override styles = [formStyles, tableStyles];
  schoolId = 0;
  private history = new ApiResource<ImportHistoryRow[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/imports` : null));

  /** Reads the history again (after a preview, a confirmation or a cancel). */
  async reload(): Promise<void> {
    await this.history.reload();
  }

  /** A preview never confirmed created nothing: it says so instead of the figures it would have written. */
  private summary(row: ImportHistoryRow): string {
    if (row.status !== 'applied') return row.status === 'previewed' ? this.t('historyPreviewOnly') : this.t('historyNoChange');
    if (row.kind === 'staff') {
      const staff = row.summary as StaffImportSummary;
      return this.f('historyStaff', { created: staff.created, classAssignments: staff.classAssignments });
    }
    const summary = row.summary as ImportSummary;
    const figures = {
      classes: summary.classes.created,
      pupils: summary.pupils.created,
      updated: summary.pupils.updated + summary.pupils.moved,
      detached: summary.pupils.detached,
      relatives: summary.relatives.created,
    };
    const changed = Object.values(figures).some((n) => n > 0) || summary.relatives.updated + summary.links.created + summary.links.removed > 0;
    return changed ? this.f('historySummary', figures) : this.t('historyNoChange');
  }

  private renderTable(imports: ImportHistoryRow[]) {
    if (imports.length === 0) return html`<p>${this.t('noImports')}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t('importDate')}</th><th scope="col">${this.t('importBy')}</th><th scope="col">${this.t('importStatus')}</th>
        <th scope="col">${this.t('importFiles')}</th><th scope="col">${this.t('importSummary')}</th>
      </tr></thead>
      <tbody>
        ${imports.map((row) => html`<tr>
          <td>${formatDateTime(row.appliedAt ?? row.createdAt, this.language)}</td>
          <td>${row.createdBy ?? '—'}</td>
          <td>${STATUS[row.status] ? this.t(STATUS[row.status]!) : row.status}</td>
          <td>${fileNames(row.files) || '—'}</td>
          <td>${this.summary(row)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h3>${this.t('importHistory')}</h3>
      ${this.history.error ? html`<p class="error" role="alert">${this.history.error}</p>` : ''}
      ${this.history.value ? this.renderTable(this.history.value) : this.history.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-import-history', PreauImportHistory);

declare global {
  interface HTMLElementTagNameMap {
    'preau-import-history': PreauImportHistory;
  }
}
