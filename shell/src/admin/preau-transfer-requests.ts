import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { format } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { ApiResource } from '../api-resource.js';
import type { TransferRequestRow } from '../api-types.js';
import { formatDate, formatShortDateTime } from '../format.js';
import { ShellElement } from '../shell-element.js';

/**
 * The academy administrator's queue of transfers between schools: who an ONDE import named while they are
 * enrolled elsewhere, what the file said, and a decision for each.
 */
export class PreauTransferRequests extends ShellElement {
  static override properties = {
    error: { state: true },
    status: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .actions button { min-height: 44px; }
      .muted { color: var(--preau-muted, #4a5263); }
    `,
  ];
  error = '';
  status = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });
  private requests = new ApiResource<TransferRequestRow[]>(this, () => '/api/core/transfer-requests');

  private async decide(request: TransferRequestRow, decision: 'approve' | 'refuse'): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.post<TransferRequestRow>(`/api/core/transfer-requests/${request.id}/${decision}`);
      const values = { name: request.person.displayName, school: request.toSchool.name };
      this.status = format(decision === 'approve' ? 'transferApproved' : 'transferRefused', this.language, values);
      await this.requests.reload();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private born(date: string | null) {
    return date ? html`<br><span class="muted">${this.f('transferBorn', { date: formatDate(date, this.language) })}</span>` : '';
  }

  private renderRow(request: TransferRequestRow) {
    const name = request.person.displayName;
    return html`<tr>
      <th scope="row">${name}${request.person.ine ? html`<br><span class="muted">INE ${request.person.ine}</span>` : ''}${this.born(request.person.birthDate)}</th>
      <td>${request.file.lastName} ${request.file.firstName}${this.born(request.file.birthDate)}</td>
      <td>${request.person.schools.map((s) => html`${s.name} <span class="muted">(${s.uai})</span><br>`)}</td>
      <td>${request.toSchool.name}<br><span class="muted">${[request.requestedBy, formatShortDateTime(request.requestedAt, this.language)].filter(Boolean).join(' · ')}</span></td>
      <td>
        ${request.status === 'approved'
          ? html`<span>${this.t('transferWaiting')}</span>`
          : html`<div class="actions">
              <button ?disabled=${this.busy} aria-label=${this.f('transferApprove', { name })} @click=${() => this.decide(request, 'approve')}>${this.t('transferApproveShort')}</button>
              <button class="secondary" ?disabled=${this.busy} aria-label=${this.f('transferRefuse', { name })} @click=${() => this.decide(request, 'refuse')}>${this.t('transferRefuseShort')}</button>
            </div>`}
      </td>
    </tr>`;
  }

  override render() {
    return html`
      <section aria-labelledby="transfers" class="panel">
        <h2 id="transfers">${this.t('transfersTitle')}</h2>
        <p class="muted">${this.t('transfersHint')}</p>
        ${this.error || this.requests.error ? html`<p class="error" role="alert">${this.error || this.requests.error}</p>` : ''}
        ${this.status ? html`<p class="success" role="status">${this.status}</p>` : ''}
        ${!this.requests.value
          ? html`<p>${this.t('loading')}</p>`
          : this.requests.value.length === 0
            ? html`<p>${this.t('transfersNone')}</p>`
            : html`<div class="table-wrap"><table>
                <thead><tr>
                  <th scope="col">${this.t('transferPerson')}</th><th scope="col">${this.t('transferFile')}</th>
                  <th scope="col">${this.t('transferFrom')}</th><th scope="col">${this.t('transferTo')}</th><th scope="col">${this.t('transferDecision')}</th>
                </tr></thead>
                <tbody>${this.requests.value.map((r) => this.renderRow(r))}</tbody>
              </table></div>`}
      </section>
    `;
  }
}
customElements.define('preau-transfer-requests', PreauTransferRequests);

declare global {
  interface HTMLElementTagNameMap {
    'preau-transfer-requests': PreauTransferRequests;
  }
}
