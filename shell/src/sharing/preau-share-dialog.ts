import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, type ApiClient, type ShareChangedDetail } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import { PROFILE_NAMES, type Recipient } from '../recipient-picker/recipient-types.js';
import '../recipient-picker/preau-recipient-field.js';
import { SHARE_TEXT } from './share-dialog-texts.js';
import { granteeKey, granteeName, ownFirst, type ResourceShares, type ShareGrantView, type ShareRole, type ShareRoleView } from './share-dialog-types.js';

type Language = 'fr' | 'en';

/** The element focused now, looking inside shadow roots (the button of a plugin's page that opened the dialog). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The one share dialog of every app: who a resource is shared with (its owner, its own grants, then those it
 * inherits from the folders it is in, and those that lapsed), and, for the people who manage it, adding people
 * and groups (through the directory's search: the communication rules decide whom one may pick) with a role,
 * changing a role and removing a grant. A native modal `<dialog>`: the page behind is inert, Escape closes,
 * focus goes back to what opened it. Someone who cannot manage the resource sees why and nothing else (the
 * server does not tell readers who else reads it).
 *
 * Properties `app`, `type`, `resourceId`, `resourceName`; `show()` opens it. Dispatches `share-changed`
 * (bubbles, composed) after each change and `close` when it closes. Plugins open it with `openShareDialog`.
 */
export class PreauShareDialog extends LitElement {
  static override properties = {
    app: {},
    type: {},
    resourceId: { attribute: 'resource-id' },
    resourceName: { attribute: 'resource-name' },
    api: { attribute: false },
    language: {},
    shares: { state: true },
    loading: { state: true },
    refusal: { state: true },
    error: { state: true },
    status: { state: true },
    adding: { state: true },
    addRole: { state: true },
    notify: { state: true },
    busy: { state: true },
    confirming: { state: true },
  };
  static override styles = [formStyles, css`
    :host { display: contents; }
    dialog { width: min(36rem, calc(100vw - 1rem)); max-height: calc(100dvh - 1rem); box-sizing: border-box; padding: 0; border: 0;
      border-radius: var(--preau-radius, 10px); box-shadow: 0 8px 32px rgb(0 0 0 / 0.3); color: var(--preau-text, #1c2230); background: var(--preau-surface, #fff); }
    dialog::backdrop { background: rgb(20 26 38 / 0.55); }
    .frame { display: flex; flex-direction: column; max-height: calc(100dvh - 1rem); }
    header { display: flex; align-items: flex-start; justify-content: space-between; gap: 0.5rem; padding: 0.75rem 1rem; border-bottom: 1px solid #d5d9e2; }
    header h2 { margin: 0.35rem 0 0; font-size: 1.2rem; overflow-wrap: anywhere; }
    button.icon { background: transparent; color: inherit; padding: 0; min-width: 44px; font-size: 1.5rem; line-height: 1; }
    button.icon:hover { background: rgb(0 0 0 / 0.06); }
    .body { overflow-y: auto; padding: 0 1rem 1rem; }
    footer { display: flex; justify-content: flex-end; padding: 0.75rem 1rem; border-top: 1px solid #d5d9e2; }
    h3 { margin: 1rem 0 0.5rem; }
    ul.grants { list-style: none; margin: 0; padding: 0; }
    ul.grants > li { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.6rem 0; border-bottom: 1px solid #e3e6ee; }
    .who { display: grid; gap: 0.15rem; flex: 1 1 12rem; min-width: 0; }
    .name { font-weight: 600; overflow-wrap: anywhere; }
    .lapsed .name { text-decoration: line-through; color: var(--preau-muted, #4a5263); }
    .tag { display: inline-block; padding: 0 0.4rem; border-radius: 4px; background: #fff1d6; color: #6b3d00; font-weight: 600; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .controls select { padding: 0.4rem 0.6rem; }
    .controls button { padding: 0.45rem 0.9rem; }
    .confirm { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem; border-radius: 8px; background: #fdecea; }
    .confirm p { margin: 0; flex: 1 1 100%; font-weight: 600; }
    form { max-width: none; gap: 0.75rem; }
    .role-line { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    .role-line label { flex: 0 1 12rem; }
    .error { margin: 0.75rem 0 0; }
    .notice { border-left: 4px solid #f2a900; background: #fff8e6; padding: 0.75rem 1rem; margin: 0.75rem 0 0; }
    .owner { margin: 0.75rem 0 0; }
  `];

  app = '';
  type = '';
  resourceId = '';
  resourceName = '';
  /** The API client; by default the shell's (through its context). */
  api?: ApiClient;
  language?: Language;
  shares: ResourceShares | null = null;
  loading = false;
  /** Why the user may not see this sharing (the server's French message), for a read-only view. */
  refusal = '';
  error = '';
  status = '';
  adding: Recipient[] = [];
  addRole: ShareRole = 'read';
  notify = true;
  busy = false;
  /** The grant whose removal is being confirmed (`user:12`). */
  confirming = '';

  private readonly contextApi = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly contextLanguage = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private returnFocus: HTMLElement | null = null;

  private get currentLanguage(): Language {
    return this.language ?? this.contextLanguage.value ?? (document.documentElement.lang === 'en' ? 'en' : 'fr');
  }

  private get client(): ApiClient | undefined {
    return this.api ?? this.contextApi.value;
  }

  private get url(): string {
    return `/api/core/shares/${encodeURIComponent(this.app)}/${encodeURIComponent(this.type)}/${encodeURIComponent(this.resourceId)}`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The type's roles, weakest first, as the server names them in the user's language. */
  private get roles(): readonly ShareRoleView[] {
    return this.shares?.roles ?? [];
  }

  private roleLabel(name: ShareRole): string {
    return this.roles.find((role) => role.name === name)?.label ?? name;
  }

  /** The owner, or the type's last role: those who may change who it is shared with. */
  private get canManage(): boolean {
    return this.shares?.role === 'owner' || (this.shares != null && this.shares.role === this.roles.at(-1)?.name);
  }

  /** Opens the dialog as a modal and loads the resource's grants. */
  show(): void {
    this.returnFocus = deepActiveElement();
    Object.assign(this, { shares: null, refusal: '', error: '', status: '', adding: [], addRole: 'read', confirming: '', notify: true });
    void this.updateComplete.then(async () => {
      if (!this.dialog?.open) this.dialog?.showModal();
      await this.load();
      await this.updateComplete;
      this.focusStart();
    });
  }

  /** Closes it; focus returns to what was focused when it opened. */
  close(): void {
    this.dialog?.close();
  }

  private focusStart(): void {
    const start = this.canManage ? this.renderRoot.querySelector<HTMLElement>('preau-recipient-field') : this.renderRoot.querySelector<HTMLElement>('footer button');
    start?.focus();
  }

  private closed(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
    this.dispatchEvent(new Event('close'));
  }

  private async load(): Promise<void> {
    const api = this.client;
    if (!api) return;
    this.loading = true;
    try {
      this.shares = await api.get<ResourceShares>(this.url);
      // The role offered first: the weakest of the type's list.
      if (!this.roles.some((role) => role.name === this.addRole)) this.addRole = this.roles[0]?.name ?? '';
    } catch (error) {
      // A reader (403) or someone who cannot see it (404): the server's sentence says which, in their language.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) this.refusal = error.message;
      else this.error = this.messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  private messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent<ShareChangedDetail>('share-changed', {
      detail: { app: this.app, type: this.type, resourceId: this.resourceId },
      bubbles: true,
      composed: true,
    }));
  }

  /** Runs one write; its error is shown in the dialog and nothing else changes. */
  private async write(action: (api: ApiClient) => Promise<void>): Promise<boolean> {
    const api = this.client;
    if (!api || this.busy) return false;
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      await action(api);
      this.changed();
      return true;
    } catch (error) {
      this.error = this.messageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async share(event: Event): Promise<void> {
    event.preventDefault();
    if (this.adding.length === 0) {
      this.error = SHARE_TEXT.chooseSomeone[this.currentLanguage];
      this.renderRoot.querySelector<HTMLElement>('preau-recipient-field')?.focus();
      return;
    }
    const users = this.adding.filter((r) => r.kind === 'user').map((r) => r.id);
    const groups = this.adding.filter((r) => r.kind === 'group').map((r) => r.id);
    const count = this.adding.length;
    const done = await this.write(async (api) => {
      this.shares = await api.put<ResourceShares>(this.url, { role: this.addRole, users, groups, notify: this.notify });
    });
    if (done) {
      this.adding = [];
      this.status = SHARE_TEXT.shared[this.currentLanguage](count);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('preau-recipient-field')?.focus();
    }
  }

  private async changeRole(grant: ShareGrantView, role: ShareRole): Promise<void> {
    const body = grant.grantee.kind === 'user' ? { users: [grant.grantee.id] } : { groups: [grant.grantee.id] };
    const done = await this.write(async (api) => {
      this.shares = await api.put<ResourceShares>(this.url, { role, ...body, notify: false });
    });
    if (done) this.status = SHARE_TEXT.changed[this.currentLanguage](granteeName(grant.grantee), this.roleLabel(role));
    else this.requestUpdate(); // puts the select back on the role the grant still has
  }

  private async removeGrant(grant: ShareGrantView): Promise<void> {
    const path = `${this.url}/${grant.grantee.kind === 'user' ? 'users' : 'groups'}/${grant.grantee.id}`;
    const done = await this.write(async (api) => {
      await api.delete(path);
      this.shares = await api.get<ResourceShares>(this.url);
    });
    this.confirming = '';
    if (done) {
      this.status = SHARE_TEXT.removed[this.currentLanguage](granteeName(grant.grantee));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#access')?.focus();
    }
  }

  private async askRemoval(grant: ShareGrantView): Promise<void> {
    this.confirming = granteeKey(grant.grantee);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button.secondary')?.focus();
  }

  private async cancelRemoval(grant: ShareGrantView): Promise<void> {
    this.confirming = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-grantee="${granteeKey(grant.grantee)}"] button.remove`)?.focus();
  }

  /**
   * Keeps Tab inside: a modal <dialog> makes the page inert, but after its last control the browser sends focus
   * to its own toolbar. The dialog starts and ends with a close button of its own, so the ends are known.
   */
  private trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const first = this.renderRoot.querySelector<HTMLElement>('header button');
    const last = this.renderRoot.querySelector<HTMLElement>('footer button');
    const from = event.composedPath()[0];
    const to = event.shiftKey ? (from === first ? last : null) : from === last ? first : null;
    if (!to) return;
    event.preventDefault();
    to.focus();
  }

  /** An inherited grant's origin opens in the app, as a link in the shell would. */
  private follow(event: MouseEvent, url: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    this.close();
    history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }

  private renderGrant(grant: ShareGrantView) {
    const lang = this.currentLanguage;
    const name = granteeName(grant.grantee);
    const key = granteeKey(grant.grantee);
    const editable = this.canManage && !grant.inheritedFrom;
    const kind = grant.grantee.kind === 'group' ? SHARE_TEXT.group[lang] : (PROFILE_NAMES[grant.grantee.profile]?.[lang] ?? grant.grantee.profile);
    const from = grant.inheritedFrom;
    return html`<li data-grantee=${key} class=${grant.lapsed ? 'lapsed' : ''}>
      <div class="who">
        <span class="name">${name}</span>
        <span class="hint">${kind}${from ? html` · <a href=${from.url} @click=${(event: MouseEvent) => this.follow(event, from.url)}>${SHARE_TEXT.inherited[lang](from.title)}</a>` : nothing}</span>
        ${grant.lapsed ? html`<span class="hint"><span class="tag">${SHARE_TEXT.lapsed[lang]}</span> (${SHARE_TEXT.lapsedWhy[lang]})</span>` : nothing}
      </div>
      <div class="controls">
        ${editable
          ? html`<select aria-label=${SHARE_TEXT.roleOf[lang](name)} ?disabled=${this.busy}
                .value=${grant.role} @change=${(event: Event) => void this.changeRole(grant, (event.target as HTMLSelectElement).value as ShareRole)}>
                ${this.roles.map((role) => html`<option value=${role.name} ?selected=${role.name === grant.role}>${role.label}</option>`)}
              </select>
              <button type="button" class="secondary remove" aria-label=${SHARE_TEXT.removeOf[lang](name)} ?disabled=${this.busy}
                @click=${() => void this.askRemoval(grant)}>${SHARE_TEXT.remove[lang]}</button>`
          : html`<span>${this.roleLabel(grant.role)}</span>`}
      </div>
      ${this.confirming === key ? html`<div class="confirm" role="group" aria-label=${SHARE_TEXT.confirmRemove[lang](name)}>
        <p>${SHARE_TEXT.confirmRemove[lang](name)}</p>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${() => void this.removeGrant(grant)}>${SHARE_TEXT.confirm[lang]}</button>
        <button type="button" class="secondary" @click=${() => void this.cancelRemoval(grant)}>${SHARE_TEXT.cancel[lang]}</button>
      </div>` : nothing}
    </li>`;
  }

  private renderShares(shares: ResourceShares) {
    const lang = this.currentLanguage;
    const grants = ownFirst(shares.grants);
    return html`
      ${shares.owner ? html`<p class="owner"><strong>${SHARE_TEXT.owner[lang]} :</strong> ${shares.owner.displayName}</p>` : nothing}
      <h3 id="access" tabindex="-1">${SHARE_TEXT.access[lang]}</h3>
      ${grants.length
        ? html`<ul class="grants" aria-labelledby="access">${grants.map((grant) => this.renderGrant(grant))}</ul>`
        : html`<p>${SHARE_TEXT.nobody[lang]}</p>`}
      ${this.canManage ? this.renderAdd() : html`<p class="hint">${SHARE_TEXT.readOnly[lang]}</p>`}`;
  }

  private renderAdd() {
    const lang = this.currentLanguage;
    const taken = new Set((this.shares?.grants ?? []).filter((grant) => !grant.inheritedFrom).map((grant) => granteeKey(grant.grantee)));
    return html`<form @submit=${this.share} aria-labelledby="add-title" novalidate>
      <h3 id="add-title">${SHARE_TEXT.add[lang]}</h3>
      <preau-recipient-field .label=${SHARE_TEXT.with[lang]} .language=${lang} .api=${this.client}
        .recipients=${this.adding} .exclude=${taken}
        @recipients-change=${(event: CustomEvent<Recipient[]>) => (this.adding = event.detail)}></preau-recipient-field>
      <div class="role-line">
        <label>${SHARE_TEXT.role[lang]}
          <select .value=${this.addRole} aria-describedby="role-what" @change=${(event: Event) => (this.addRole = (event.target as HTMLSelectElement).value as ShareRole)}>
            ${this.roles.map((role) => html`<option value=${role.name} ?selected=${role.name === this.addRole}>${role.label}</option>`)}
          </select>
        </label>
        <button type="submit" ?disabled=${this.busy}>${SHARE_TEXT.share[lang]}</button>
      </div>
      <p class="hint" id="role-what">${this.roleLabel(this.addRole)}${lang === 'fr' ? ' :' : ':'} ${this.roles.find((role) => role.name === this.addRole)?.description ?? ''}</p>
      <label class="check"><input type="checkbox" .checked=${this.notify} @change=${(event: Event) => (this.notify = (event.target as HTMLInputElement).checked)}>
        <span>${SHARE_TEXT.notify[lang]}</span></label>
    </form>`;
  }

  override render() {
    const lang = this.currentLanguage;
    return html`<dialog aria-labelledby="title" @close=${this.closed} @keydown=${this.trapTab}>
      <div class="frame">
        <header>
          <h2 id="title">${SHARE_TEXT.title[lang](this.resourceName)}</h2>
          <button type="button" class="icon" aria-label=${SHARE_TEXT.close[lang]} title=${SHARE_TEXT.close[lang]} @click=${() => this.close()}><span aria-hidden="true">×</span></button>
        </header>
        <div class="body">
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.loading ? html`<p role="status">${SHARE_TEXT.loading[lang]}</p>` : nothing}
          ${this.refusal ? html`<p class="notice">${this.refusal}</p>` : nothing}
          ${this.shares ? this.renderShares(this.shares) : nothing}
          <p class="visually-hidden" role="status">${this.status}</p>
        </div>
        <footer><button type="button" class="secondary" @click=${() => this.close()}>${SHARE_TEXT.close[lang]}</button></footer>
      </div>
    </dialog>`;
  }
}
customElements.define('preau-share-dialog', PreauShareDialog);

declare global {
  interface HTMLElementTagNameMap {
    'preau-share-dialog': PreauShareDialog;
  }
}
