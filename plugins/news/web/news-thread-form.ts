import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import type { Role, Thread } from './api-types.js';
import { text } from './i18n.js';
import { formStyles } from './shared-styles.js';

interface Group { id: number; name: string; kind: string; members: number }
const ROLES: { role: Role; key: 'roleRead' | 'roleContribute' | 'rolePublish' | 'roleManage' }[] = [
  { role: 'read', key: 'roleRead' }, { role: 'contribute', key: 'roleContribute' }, { role: 'publish', key: 'rolePublish' }, { role: 'manage', key: 'roleManage' },
];

/** "Parents de l'école (212 membres)": French puts 0 and 1 in the singular. */
function groupLabel(group: Group, language: 'fr' | 'en'): string {
  if (language === 'en') return `${group.name} (${group.members} ${group.members === 1 ? 'member' : 'members'})`;
  return `${group.name} (${group.members} ${group.members <= 1 ? 'membre' : 'membres'})`;
}

/** Creating a thread, or changing one's title, comments and sharing (groups with a role each). Reports `news-saved`. */
export class NewsThreadForm extends LitElement {
  static override properties = {
    thread: { attribute: false }, schoolId: { attribute: false }, groups: { state: true }, shares: { state: true }, adding: { state: true }, error: { state: true },
  };
  static override styles = formStyles;
  thread?: Thread;
  schoolId = 0;
  groups: Group[] = [];
  shares: { groupId: number; role: Role }[] = [];
  /** The group chosen in "Ajouter un groupe", added with its button (arrow keys on a closed select must not add). */
  adding = 0;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    this.shares = (this.thread?.shares ?? []).map(({ groupId, role }) => ({ groupId, role }));
    try {
      this.groups = (await this.api.value?.get<Group[]>(`/api/news/schools/${this.thread?.schoolId ?? this.schoolId}/groups`)) ?? [];
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    // Kept now: once the submit event is dispatched, its target is null (it came out of a shadow root).
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { title: String(data.get('title')), commentsEnabled: data.get('comments') === 'on', shares: this.shares };
    this.error = '';
    try {
      const saved = this.thread
        ? await this.api.value!.put<Thread>(`/api/news/threads/${this.thread.id}`, body)
        : await this.api.value!.post<Thread>('/api/news/threads', { ...body, schoolId: this.schoolId });
      // A created thread is listed below with its own form: this one is blank again for the next.
      if (!this.thread) {
        form.reset();
        this.shares = [];
      }
      this.dispatchEvent(new CustomEvent('news-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private addShare(): void {
    if (!this.adding) return;
    this.shares = [...this.shares, { groupId: this.adding, role: 'read' }];
    this.adding = 0;
  }

  override render() {
    const language = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof text>[0]) => text(key, language);
    const unused = this.groups.filter((g) => !this.shares.some((s) => s.groupId === g.id));
    return html`<form @submit=${this.save} aria-label=${this.thread ? this.thread.title : t('newThread')}>
      <label>${t('title')} <input name="title" required maxlength="120" .value=${this.thread?.title ?? ''} /></label>
      <label class="check"><input type="checkbox" name="comments" ?checked=${this.thread?.commentsEnabled ?? true} /> ${t('commentsOn')}</label>
      <fieldset>
        <legend>${t('sharing')}</legend>
        ${this.shares.map((share, index) => {
          const name = this.groups.find((g) => g.id === share.groupId)?.name ?? this.thread?.shares?.find((s) => s.groupId === share.groupId)?.groupName ?? String(share.groupId);
          return html`<div class="actions">
            <label>${t('role')} — ${name}
              <select @change=${(e: Event) => (this.shares = this.shares.map((s, i) => (i === index ? { ...s, role: (e.target as HTMLSelectElement).value as Role } : s)))}>
                ${ROLES.map(({ role, key }) => html`<option value=${role} ?selected=${role === share.role}>${t(key)}</option>`)}
              </select>
            </label>
            <button type="button" class="secondary" aria-label="${t('remove')} ${name}" @click=${() => (this.shares = this.shares.filter((_, i) => i !== index))}>${t('remove')}</button>
          </div>`;
        })}
        ${this.shares.length === 0 ? html`<p>${t('notShared')}</p>` : nothing}
        ${unused.length ? html`<div class="actions add">
          <label>${t('addShare')}
            <select .value=${String(this.adding)} @change=${(e: Event) => (this.adding = Number((e.target as HTMLSelectElement).value))}>
              <option value="0">—</option>
              ${unused.map((g) => html`<option value=${g.id} ?selected=${g.id === this.adding}>${groupLabel(g, language)}</option>`)}
            </select>
          </label>
          <button type="button" class="secondary" ?disabled=${!this.adding} @click=${this.addShare}>${t('add')}</button>
        </div>` : nothing}
      </fieldset>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions"><button type="submit">${t('save')}</button></div>
    </form>`;
  }
}
customElements.define('news-thread-form', NewsThreadForm);

declare global {
  interface HTMLElementTagNameMap {
    'news-thread-form': NewsThreadForm;
  }
}
