import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { GroupRow } from '../api-types.js';
import type { SchoolRules } from './communication-types.js';
import { ShellElement } from '../shell-element.js';

const KINDS: { kind: string; label: TextKey }[] = [
  { kind: 'school', label: 'groupKindSchool' },
  { kind: 'class', label: 'groupKindClass' },
  { kind: 'manual', label: 'groupKindManual' },
];

/**
 * Who may write to whom in one school: whether it follows the default rules or its own, the rules as
 * "from → to" edges between its groups (each with "Retirer"), a form to add one, and the way back to the defaults.
 */
export class PreauCommunicationRules extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    rules: { state: true },
    groups: { state: true },
    error: { state: true },
    formError: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form.add { display: flex; flex-wrap: wrap; align-items: end; gap: 1rem; max-width: none; }
      form.add .field { flex: 1 1 16rem; }
      .arrow { font-size: 1.3rem; }
      .state { font-weight: 600; }
    `,
  ];
  schoolId = 0;
  rules: SchoolRules | null = null;
  groups: GroupRow[] = [];
  error = '';
  formError = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private get base(): string {
    return `/api/core/schools/${this.schoolId}/communication/rules`;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [rules, groups] = await Promise.all([
        this.api.value!.get<SchoolRules>(this.base),
        this.api.value!.get<GroupRow[]>(`/api/core/schools/${this.schoolId}/groups`),
      ]);
      this.rules = rules;
      this.groups = groups;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Runs one change of the rules; the server answers with the new rules. */
  private async change(request: () => Promise<SchoolRules>, done: string): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.rules = await request();
      this.notice = done;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  // The row and its button disappear: focus goes back to the title of the rules rather than to nowhere.
  private async removeRule(from: { id: number; name: string }, to: { id: number; name: string }): Promise<void> {
    await this.change(() => this.api.value!.delete<SchoolRules>(`${this.base}/${from.id}/${to.id}`),
      this.f('ruleRemoved', { from: from.name, to: to.name }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rules-title')?.focus();
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const from = this.groups.find((g) => g.id === Number(data.get('from')));
    const to = this.groups.find((g) => g.id === Number(data.get('to')));
    this.formError = !from || !to ? this.t('chooseBothGroups')
      : this.rules?.rules.some((r) => r.from.id === from.id && r.to.id === to.id) ? this.t('ruleExists') : '';
    if (this.formError || !from || !to) return;
    const added = await this.change(() => this.api.value!.put<SchoolRules>(`${this.base}/${from.id}/${to.id}`),
      this.f('ruleAdded', { from: from.name, to: to.name }));
    if (added) form.reset();
  }

  private reset(): void {
    if (!confirm(this.t('confirmResetRules'))) return;
    void this.change(() => this.api.value!.post<SchoolRules>(`${this.base}/reset`), this.t('rulesReset'));
  }

  private renderTable(rules: SchoolRules) {
    if (rules.rules.length === 0) return html`<p>${this.t('noRules')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption>${this.t('rulesCaption')}</caption>
      <thead><tr>
        <th scope="col">${this.t('ruleFrom')}</th><th scope="col"><span class="visually-hidden">→</span></th>
        <th scope="col">${this.t('ruleTo')}</th><th scope="col">${this.t('actions')}</th>
      </tr></thead>
      <tbody>
        ${rules.rules.map(({ from, to }) => html`<tr>
          <th scope="row">${from.name}</th>
          <td class="arrow" aria-hidden="true">→</td>
          <td>${to.name}</td>
          <td><button class="secondary" ?disabled=${this.busy} aria-label=${this.f('removeRuleOf', { from: from.name, to: to.name })}
            @click=${() => void this.removeRule(from, to)}>${this.t('removeRule')}</button></td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  private renderGroupOptions() {
    return html`<option value="">${this.t('chooseGroup')}</option>
      ${KINDS.map(({ kind, label }) => {
        const groups = this.groups.filter((g) => g.kind === kind);
        return groups.length ? html`<optgroup label=${this.t(label)}>${groups.map((g) => html`<option value=${g.id}>${g.name}</option>`)}</optgroup>` : '';
      })}`;
  }

  private renderAdd() {
    return html`
      <h4>${this.t('addRule')}</h4>
      <form class="add" @submit=${this.add} novalidate>
        <div class="field">
          <label for="rule-from">${this.t('ruleMembersOf')}</label>
          <select id="rule-from" name="from" required>${this.renderGroupOptions()}</select>
        </div>
        <div class="field">
          <label for="rule-to">${this.t('ruleMayWriteTo')}</label>
          <select id="rule-to" name="to" required aria-describedby="same-group-hint">${this.renderGroupOptions()}</select>
        </div>
        <button ?disabled=${this.busy}>${this.t('addRuleSubmit')}</button>
      </form>
      <p class="hint" id="same-group-hint">${this.t('ruleSameGroupHint')}</p>
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : ''}
    `;
  }

  override render() {
    const rules = this.rules;
    return html`
      <h3 id="rules-title" tabindex="-1">${this.t('rulesTitle')}</h3>
      ${rules
        ? html`<p class="state">${this.t(rules.custom ? 'rulesCustom' : 'rulesDefault')}</p>
            <p class="hint">${this.t('rulesDefaultsExplained')}</p>
            ${rules.custom ? '' : html`<p class="notice">${this.t('rulesFirstChange')}</p>`}`
        : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${rules ? this.renderTable(rules) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      ${rules?.custom
        ? html`<p><button class="danger" ?disabled=${this.busy} @click=${() => this.reset()}>${this.t('resetRules')}</button></p>`
        : ''}
      ${rules ? this.renderAdd() : ''}
    `;
  }
}
customElements.define('preau-communication-rules', PreauCommunicationRules);

declare global {
  interface HTMLElementTagNameMap {
    'preau-communication-rules': PreauCommunicationRules;
  }
}
