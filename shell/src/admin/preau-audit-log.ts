import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';

import { errorMessage, shellApiContext } from '../api.js';
import type { AuditRow } from '../api-types.js';
import { formatShortDateTime } from '../format.js';
import { AUDIT_ACTIONS } from '../i18n-admin.js';
import { ShellElement } from '../shell-element.js';

const PAGE = 50;

/** The details of an entry as one readable line: `classId : 3, count : 22`; nested counts without their zeros. */
function describeDetails(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const value = (v: unknown): string => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return Array.isArray(v) ? v.join(', ') : String(v);
    const parts = Object.entries(v as Record<string, unknown>).filter(([, n]) => n !== 0).map(([k, n]) => `${k} ${value(n)}`);
    return parts.length ? `(${parts.join(', ')})` : '0';
  };
  return Object.entries(details as Record<string, unknown>).map(([key, v]) => `${key} : ${value(v)}`).join(', ');
}

/** The school's audit log, newest first, one page at a time ("Plus anciens" adds the previous page). */
export class PreauAuditLog extends ShellElement {
  static override properties = { schoolId: { type: Number }, entries: { state: true }, more: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [formStyles, tableStyles, css`.nowrap { white-space: nowrap; }`];
  schoolId = 0;
  entries: AuditRow[] | null = null;
  more = false;
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) {
      this.entries = null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const last = this.entries?.at(-1);
    this.busy = true;
    try {
      const page = await this.api.value!.get<AuditRow[]>(`/api/core/schools/${this.schoolId}/audit?limit=${PAGE}${last ? `&before=${last.id}` : ''}`);
      this.entries = [...(this.entries ?? []), ...page];
      this.more = page.length === PAGE;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private action(action: string): string {
    const label = AUDIT_ACTIONS[action];
    return label ? label[this.language] : action;
  }

  private renderTable(entries: AuditRow[]) {
    if (entries.length === 0) return html`<p>${this.t('auditEmpty')}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('auditCaption')}><table>
      <caption class="visually-hidden">${this.t('auditCaption')}</caption>
      <thead><tr>
        <th scope="col">${this.t('auditAt')}</th><th scope="col">${this.t('auditAction')}</th><th scope="col">${this.t('auditActor')}</th>
        <th scope="col">${this.t('auditTarget')}</th><th scope="col">${this.t('ipAddress')}</th><th scope="col">${this.t('auditDetails')}</th>
      </tr></thead>
      <tbody>
        ${entries.map((entry) => html`<tr>
          <td class="nowrap">${formatShortDateTime(entry.at, this.language)}</td>
          <td>${this.action(entry.action)}</td>
          <td>${entry.actor ?? '—'}</td>
          <td>${entry.target ?? '—'}</td>
          <td>${entry.ip ?? '—'}</td>
          <td>${describeDetails(entry.details)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h2>${this.t('tabAudit')}</h2>
      <p>${this.t('auditIntro')}</p>
      ${this.entries ? this.renderTable(this.entries) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.more ? html`<p><button class="secondary" ?disabled=${this.busy} @click=${() => void this.load()}>${this.t('older')}</button></p>` : ''}
    `;
  }
}
customElements.define('preau-audit-log', PreauAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'preau-audit-log': PreauAuditLog;
  }
}
