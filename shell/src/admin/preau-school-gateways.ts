import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { format, type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { formatDate } from '../format.js';
import type { Gateway, GatewayGroup, GatewayStatus } from './communication-types.js';
import './preau-gateway-form.js';
import { ShellElement } from '../shell-element.js';

const STATUS: Record<GatewayStatus, TextKey> = { proposed: 'statusProposed', open: 'statusOpen', closed: 'statusClosed', refused: 'statusRefused' };
type Decision = 'accept' | 'refuse' | 'close';
const DONE: Record<Decision, TextKey> = { accept: 'gatewayAccepted', refuse: 'gatewayRefused', close: 'gatewayClosed' };

/**
 * The gateways (passerelles) of one school with the others: their state, the groups they join, and what this
 * school may do — accept or refuse a proposal addressed to it, withdraw its own, close an open one — then the
 * form to propose (or, for the academy administrator, open) a new one.
 */
export class PreauSchoolGateways extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    user: { attribute: false },
    gateways: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      td .actions { gap: 0.5rem; }
      .status-open { color: var(--preau-success, #1d6b35); font-weight: 600; }
      .status-proposed { color: var(--preau-warning, #8a4b00); font-weight: 600; }
      .status-closed, .status-refused { color: var(--preau-muted, #4a5263); }
    `,
  ];
  schoolId = 0;
  user?: WebUser;
  gateways: Gateway[] | null = null;
  error = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.gateways = await this.api.value!.get<Gateway[]>(`/api/core/gateways?schoolId=${this.schoolId}`);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private otherSchool(gateway: Gateway): { id: number; name: string } {
    return gateway.schoolA.id === this.schoolId ? gateway.schoolB : gateway.schoolA;
  }

  private async decide(gateway: Gateway, decision: Decision): Promise<void> {
    const school = this.otherSchool(gateway).name;
    if (decision === 'close' && gateway.status === 'open' && !confirm(this.f('confirmCloseGateway', { school }))) return;
    if (decision === 'accept' && !confirm(this.f('confirmAcceptGateway', { school }))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const changed = await this.api.value!.post<Gateway>(`/api/core/gateways/${gateway.id}/${decision}`);
      this.gateways = (this.gateways ?? []).map((g) => (g.id === changed.id ? changed : g));
      this.notice = format(DONE[decision], this.language, { school });
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private created(event: CustomEvent<Gateway>): void {
    this.gateways = [event.detail, ...(this.gateways ?? []).filter((g) => g.id !== event.detail.id)];
  }

  private renderStatus(gateway: Gateway) {
    const incoming = gateway.schoolB.id === this.schoolId;
    const label = gateway.status !== 'proposed' ? this.t(STATUS[gateway.status])
      : format(incoming ? 'gatewayProposedBy' : 'gatewayProposedTo', this.language, { school: this.otherSchool(gateway).name });
    return html`<span class=${`status-${gateway.status}`}>${label}</span>`;
  }

  private renderActions(gateway: Gateway) {
    const school = this.otherSchool(gateway).name;
    const button = (decision: Decision, label: TextKey, kind: string) => html`<button class=${kind} ?disabled=${this.busy}
      aria-label=${this.f('gatewayActionOf', { action: this.t(label), school })} @click=${() => void this.decide(gateway, decision)}>${this.t(label)}</button>`;
    if (gateway.status === 'open') return button('close', 'closeGateway', 'danger');
    if (gateway.status !== 'proposed') return '';
    // A proposal is decided by the school it is addressed to; the proposing school may only withdraw it.
    return gateway.schoolB.id === this.schoolId
      ? html`<div class="actions">${button('accept', 'acceptGateway', '')}${button('refuse', 'refuseGateway', 'secondary')}</div>`
      : html`<button class="secondary" ?disabled=${this.busy} aria-label=${this.f('withdrawGatewayOf', { school })}
          @click=${() => void this.decide(gateway, 'close')}>${this.t('withdrawGateway')}</button>`;
  }

  /** A group of a gateway; the other school's groups whose names are not given are described. */
  private group(group: GatewayGroup, school: { name: string }): string {
    // Both schools have groups of the same name ("Enseignants de l'école"): each side says whose it is.
    if (group.name !== null) return this.f('gatewaySide', { school: school.name, group: group.name });
    if (group.profile) return this.f('gatewayGroupOf', { profile: this.t(`gatewayProfile${group.profile}`), school: school.name });
    return this.f('gatewayHiddenGroup', { school: school.name });
  }

  private renderTable(gateways: Gateway[]) {
    if (gateways.length === 0) return html`<p>${this.t('noGateways')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption>${this.t('gatewaysCaption')}</caption>
      <thead><tr>
        <th scope="col">${this.t('gatewayOtherSchool')}</th><th scope="col">${this.t('gatewayStatus')}</th>
        <th scope="col">${this.t('gatewayPairs')}</th><th scope="col">${this.t('gatewayPurpose')}</th>
        <th scope="col">${this.t('gatewayEndsOn')}</th><th scope="col">${this.t('actions')}</th>
      </tr></thead>
      <tbody>
        ${gateways.map((g) => html`<tr>
          <th scope="row">${this.otherSchool(g).name}</th>
          <td>${this.renderStatus(g)}</td>
          <td><ul class="plain">${g.pairs.map((p) => html`<li>${this.group(p.a, g.schoolA)} ↔ ${this.group(p.b, g.schoolB)}</li>`)}</ul></td>
          <td>${g.purpose ?? '—'}</td>
          <td>${g.endsOn ? formatDate(g.endsOn, this.language) : '—'}</td>
          <td>${this.renderActions(g)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h3>${this.t('gatewaysTitle')}</h3>
      <p>${this.t('gatewaysIntro')}</p>
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.gateways ? this.renderTable(this.gateways) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      <preau-gateway-form .schoolId=${this.schoolId} .user=${this.user} .language=${this.language}
        @preau-gateway-created=${this.created}></preau-gateway-form>
    `;
  }
}
customElements.define('preau-school-gateways', PreauSchoolGateways);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-gateways': PreauSchoolGateways;
  }
}
