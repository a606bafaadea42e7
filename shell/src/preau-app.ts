import { LitElement, css, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { apiContext, createApiClient, languageContext, localize, userContext, type WebUser } from '@preau/sdk/web';
import type { LauncherApp } from './layout/preau-launcher.js';
import { text } from './i18n.js';
import './pages/preau-login-page.js';
import './pages/preau-setup-page.js';
import './layout/preau-launcher.js';
import './layout/preau-app-frame.js';

interface Session {
  user: WebUser;
  csrfToken: string;
}

/**
 * The root of the shell: decides between setup, sign-in and the signed-in layout from the URL and the
 * session, and provides the user, the API client and the language to every component through context.
 */
export class PreauApp extends LitElement {
  static override properties = { session: { state: true }, apps: { state: true }, route: { state: true }, setupRequired: { state: true } };
  static override styles = css`
    :host { display: block; min-height: 100vh; }
    header { display: flex; align-items: center; gap: 1rem; padding: 0.75rem 1rem; background: var(--preau-accent, #1f5fbf); color: #fff; }
    header a { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
    header .spacer { flex: 1; }
    header button { font: inherit; background: transparent; color: #fff; border: 2px solid #fff; border-radius: 8px; padding: 0.4rem 0.8rem; min-height: 44px; cursor: pointer; }
    a:focus-visible, button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    main { padding: 1.5rem 1rem; max-width: 72rem; margin: 0 auto; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: 0.5rem; z-index: 10; }
  `;

  session: Session | null | undefined = undefined;
  apps: LauncherApp[] = [];
  route = location.pathname;
  setupRequired = false;
  // French until a signed-in user has chosen English: the users are French schools.
  language: 'fr' | 'en' = 'fr';

  private api = createApiClient({ csrfToken: () => this.session?.csrfToken });
  private userProvider = new ContextProvider(this, { context: userContext, initialValue: undefined });
  private apiProvider = new ContextProvider(this, { context: apiContext, initialValue: this.api });
  private languageProvider = new ContextProvider(this, { context: languageContext, initialValue: this.language });

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', () => (this.route = location.pathname));
    this.addEventListener('preau-signed-in', (event) => void this.signedIn((event as CustomEvent<Session>).detail));
    this.addEventListener('click', (event) => this.followLink(event));
    void this.start();
  }

  private async start(): Promise<void> {
    const setup = await this.api.get<{ required: boolean }>('/api/core/setup');
    this.setupRequired = setup.required;
    if (setup.required) {
      this.session = null;
      return;
    }
    try {
      await this.signedIn(await this.api.get<Session>('/api/core/me'));
    } catch {
      this.session = null;
    }
  }

  private async signedIn(session: Session): Promise<void> {
    this.session = session;
    this.setupRequired = false;
    this.language = session.user.language;
    this.userProvider.setValue(session.user);
    this.languageProvider.setValue(this.language);
    document.documentElement.lang = this.language;
    if (this.route === '/setup') this.navigate('/');
    this.apps = await this.api.get<LauncherApp[]>('/api/core/apps');
  }

  private async signOut(): Promise<void> {
    await this.api.delete('/api/core/session');
    this.session = null;
    this.userProvider.setValue(undefined);
    this.navigate('/');
  }

  private navigate(path: string): void {
    history.pushState(null, '', path);
    this.route = path;
  }

  // Same-origin links inside the shell change the page without reloading it.
  private followLink(event: MouseEvent): void {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || link.origin !== location.origin || event.ctrlKey || event.metaKey || link.target) return;
    event.preventDefault();
    this.navigate(link.pathname);
  }

  override render() {
    const t = (key: Parameters<typeof text>[0]) => text(key, this.language);
    if (this.session === undefined) return html`<main><p>${t('loading')}</p></main>`;
    if (this.setupRequired || this.route === '/setup') {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      return html`<main><preau-setup-page .token=${token} .language=${this.language}></preau-setup-page></main>`;
    }
    if (!this.session) return html`<main><preau-login-page .language=${this.language}></preau-login-page></main>`;
    const appName = /^\/apps\/([a-z][a-z0-9-]*)/.exec(this.route)?.[1];
    const app = this.apps.find((a) => a.name === appName);
    return html`
      <a class="skip" href="#main">Aller au contenu</a>
      <header>
        <a href="/">Préau</a>
        <span class="spacer"></span>
        <span>${this.session.user.displayName}</span>
        <button @click=${() => void this.signOut()}>${t('signOut')}</button>
      </header>
      <main id="main" tabindex="-1">
        ${app
          ? html`<h1>${localize(app.title, this.language)}</h1>
              <preau-app-frame .app=${app} .path=${this.route.slice(`/apps/${app.name}`.length)} .language=${this.language}></preau-app-frame>`
          : html`<h1>${t('myApps')}</h1><preau-launcher .apps=${this.apps} .language=${this.language}></preau-launcher>`}
      </main>
    `;
  }
}
customElements.define('preau-app', PreauApp);

declare global {
  interface HTMLElementTagNameMap {
    'preau-app': PreauApp;
  }
}
