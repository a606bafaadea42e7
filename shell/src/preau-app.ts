import { LitElement, css, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { ApiError, apiContext, childContext, languageContext, userContext, BADGES_CHANGED_EVENT, LIVE_CONNECTED_EVENT, LIVE_NOTIFICATION_EVENT, LIVE_SIGNAL_EVENT, type LiveNotification, type LiveSignalDetail, type WebChild } from '@preau/sdk/web';
import { liveNotifications } from './notifications/live-notifications.js';
import type { LauncherApp } from './layout/preau-launcher.js';
import { loadEditorApps } from './layout/load-app.js';
import type { Me, SignedIn } from './api-types.js';
import { createShellApi, shellApiContext } from './api.js';
import { text, type Language } from './i18n.js';
import { parseRoute, SIGNED_OUT_PAGES } from './routes.js';
import { renderSignedIn, renderSignedOut } from './render-route.js';
import './layout/preau-header.js';
import { forgetDevice, noteSignedIn, OPEN_PATH_EVENT, registerAppWorker } from './service-worker/app-worker.js';
import './service-worker/preau-update-prompt.js';

/**
 * The root of the shell: decides between setup, the signed-out pages and the signed-in layout from the URL and
 * the session, and provides the user, the API client and the language to every component through context.
 */
export class PreauApp extends LitElement {
  static override properties = { me: { state: true }, meLoaded: { state: true }, apps: { state: true }, route: { state: true }, setupRequired: { state: true }, child: { state: true } };
  static override styles = css`
    :host { display: block; min-height: 100vh; }
    a { color: var(--preau-accent, #1f5fbf); }
    a:focus-visible, button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    main { padding: 1.5rem 1rem; max-width: 72rem; margin: 0 auto; box-sizing: border-box; overflow-wrap: break-word; }
    @media (max-width: 30rem) { main { padding: 1rem 0.75rem; } }
    main:focus { outline: none; }
    h1 { font-size: 1.6rem; margin: 0 0 1rem; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: 0.5rem; z-index: 10; }
    /* Printing an app's page (a word and its slips) prints the page, not the shell around it. */
    @media print {
      preau-header, .skip, main > h1 { display: none; }
      main { padding: 0; max-width: none; }
    }
  `;

  /** The signed-in user's context; null when signed out, undefined while loading. */
  me: Me | null | undefined = undefined;
  /** The user's apps; null until they are read (a page then says it is loading, not that there are none). */
  apps: LauncherApp[] | null = null;
  /** False between sign-in (user and token only) and the whole context (classes, children) read from /me. */
  meLoaded = false;
  private appsTimer?: ReturnType<typeof setTimeout>;
  route = location.pathname;
  setupRequired = false;
  // French until a signed-in user has chosen English: the users are French schools.
  language: Language = 'fr';
  private moveFocus = false;
  /** The child a relative is looking at (the header's switcher); apps read it through `childContext`. */
  child: WebChild | undefined = undefined;

  private shellApi = createShellApi(() => this.me?.csrfToken);
  private userProvider = new ContextProvider(this, { context: userContext, initialValue: undefined });
  private apiProvider = new ContextProvider(this, { context: apiContext, initialValue: this.shellApi });
  private shellApiProvider = new ContextProvider(this, { context: shellApiContext, initialValue: this.shellApi });
  private languageProvider = new ContextProvider(this, { context: languageContext, initialValue: this.language });
  private childProvider = new ContextProvider(this, { context: childContext, initialValue: undefined });
  // What apps open in the body (openShareDialog's dialog) sits outside this element: the body gives it the same
  // client and language (a request from inside this element is answered here first).
  private bodyApiProvider = new ContextProvider(document.body, { context: apiContext, initialValue: this.shellApi });
  private bodyLanguageProvider = new ContextProvider(document.body, { context: languageContext, initialValue: this.language });

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', () => (this.route = location.pathname));
    // The service worker: offline page, cached code, « nouvelle version disponible », notification clicks.
    registerAppWorker();
    addEventListener(OPEN_PATH_EVENT, (event) => this.navigate((event as CustomEvent<string>).detail));
    this.addEventListener('preau-signed-in', (event) => void this.signedIn((event as CustomEvent<SignedIn>).detail));
    this.addEventListener('preau-sign-out', () => void this.signOut());
    // A page ended the session itself ("sign out everywhere"): only forget it here.
    this.addEventListener('preau-signed-out', () => this.forgetSession());
    // A page changed the user (language, contact): read it again.
    this.addEventListener('preau-me-changed', () => void this.reloadMe());
    this.addEventListener('preau-navigate', (event) => this.navigate((event as CustomEvent<string>).detail));
    this.addEventListener('preau-child-selected', (event) => this.selectChild((event as CustomEvent<number>).detail));
    this.addEventListener('click', (event) => this.followLink(event));
    // Apps follow live notifications through the SDK (onLiveNotification); badges are read again after each.
    liveNotifications().on('notification', ({ item }) => {
      window.dispatchEvent(new CustomEvent<LiveNotification>(LIVE_NOTIFICATION_EVENT, {
        detail: { id: item.id, app: item.app, type: item.type, resource: item.resource, params: item.params, text: item.text },
      }));
      this.reloadAppsSoon();
    });
    liveNotifications().on('signal', (signal) => {
      // An administrator switched an app on or off for one of the user's schools: the launcher follows at once.
      if (signal.app === 'core' && signal.name === 'apps-changed') this.reloadAppsSoon();
      window.dispatchEvent(new CustomEvent<LiveSignalDetail>(LIVE_SIGNAL_EVENT, { detail: signal }));
    });
    liveNotifications().on('connected', () => window.dispatchEvent(new CustomEvent(LIVE_CONNECTED_EVENT)));
    window.addEventListener(BADGES_CHANGED_EVENT, () => this.reloadAppsSoon());
    void this.start();
  }

  private async start(): Promise<void> {
    const setup = await this.shellApi.get<{ required: boolean }>('/api/core/setup');
    this.setupRequired = setup.required;
    if (setup.required) {
      this.me = null;
      return;
    }
    try {
      await this.useMe(await this.shellApi.get<Me>('/api/core/me'));
      if (SIGNED_OUT_PAGES.has(parseRoute(this.route).page)) this.navigate('/');
    } catch (error) {
      this.me = null;
      // The session ended elsewhere (expired, signed out everywhere): what it left on this device goes too.
      if (error instanceof ApiError && error.status === 401) void forgetDevice().catch(() => undefined);
    }
  }

  // Sign-in and activation answer with the user and the token only: the home page needs the whole context.
  private async signedIn(session: SignedIn): Promise<void> {
    this.setupRequired = false;
    const signedIn: Me = { ...session, classes: [], children: [], groups: [], contact: { email: null, pendingEmail: null, mobile: null, showEmail: false, showMobile: false } };
    this.me = signedIn;
    this.meLoaded = false;
    if (this.route === '/setup' || SIGNED_OUT_PAGES.has(parseRoute(this.route).page)) this.navigate('/');
    await this.useMe(await this.shellApi.get<Me>('/api/core/me').catch(() => signedIn));
  }

  private async useMe(me: Me): Promise<void> {
    this.me = me;
    noteSignedIn(me.csrfToken);
    this.meLoaded = true;
    this.language = me.user.language;
    this.userProvider.setValue(me.user);
    this.languageProvider.setValue(this.language);
    this.bodyLanguageProvider.setValue(this.language);
    document.documentElement.lang = this.language;
    this.selectChild(Number(localStorage.getItem(`preau.child.${me.user.id}`)) || me.children[0]?.id);
    this.apps = await this.shellApi.get<LauncherApp[]>('/api/core/apps');
    loadEditorApps(this.apps);
  }

  // Several notifications may arrive at once (a word to two children): one reading of the badges for all.
  private reloadAppsSoon(): void {
    clearTimeout(this.appsTimer);
    this.appsTimer = setTimeout(() => {
      if (this.me) void this.shellApi.get<LauncherApp[]>('/api/core/apps').then((apps) => (this.apps = apps)).catch(() => undefined);
    }, 300);
  }

  // Remembered per user on this browser: a parent comes back to the child they were following.
  private selectChild(id: number | undefined): void {
    const children = this.me?.children ?? [];
    this.child = children.find((c) => c.id === id) ?? children[0];
    this.childProvider.setValue(this.child);
    if (this.child && this.me) localStorage.setItem(`preau.child.${this.me.user.id}`, String(this.child.id));
  }

  private async reloadMe(): Promise<void> {
    try {
      await this.useMe(await this.shellApi.get<Me>('/api/core/me'));
    } catch {
      this.forgetSession();
    }
  }

  private async signOut(): Promise<void> {
    await this.shellApi.delete('/api/core/session').catch(() => undefined);
    this.forgetSession();
  }

  // Back to French: a school's computers are shared, and the next person is most likely French-speaking.
  private forgetSession(): void {
    void forgetDevice().catch(() => undefined);
    this.me = null;
    this.apps = null;
    this.language = 'fr';
    this.userProvider.setValue(undefined);
    this.child = undefined;
    this.childProvider.setValue(undefined);
    this.languageProvider.setValue(this.language);
    this.bodyLanguageProvider.setValue(this.language);
    document.documentElement.lang = this.language;
    this.navigate('/');
  }

  private navigate(path: string): void {
    if (path !== location.pathname + location.search) history.pushState(null, '', path);
    this.route = location.pathname;
    this.moveFocus = true;
  }

  // Same-origin links inside the shell change the page without reloading it (downloads and the API excepted).
  private followLink(event: MouseEvent): void {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || link.origin !== location.origin || event.ctrlKey || event.metaKey || event.shiftKey || link.target) return;
    if (link.hasAttribute('download') || link.pathname.startsWith('/api/')) return;
    event.preventDefault();
    this.navigate(link.pathname + link.search);
  }

  // After a change of page, screen readers and keyboards start from the new content, not from the old link.
  protected override updated(): void {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }

  override render() {
    const t = (key: Parameters<typeof text>[0]) => text(key, this.language);
    if (this.me === undefined) return html`<main><p>${t('loading')}</p></main>`;
    const route = parseRoute(this.route);
    const app = route.page === 'app' ? this.apps?.find((a) => a.name === route.app) : undefined;
    if (this.setupRequired || route.page === 'setup') {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      return html`<main tabindex="-1"><preau-setup-page .token=${token} .language=${this.language}></preau-setup-page></main>`;
    }
    if (!this.me) return html`<main tabindex="-1">${renderSignedOut(route, this.language)}</main>`;
    return html`
      <a class="skip" href="#main" @click=${this.skipToContent}>${t('skipToContent')}</a>
      <preau-header .user=${this.me.user} .kids=${this.me.children} .childId=${this.child?.id} .unreadByChild=${unreadByChild(this.apps ?? [])} .app=${app} .path=${this.route} .language=${this.language}></preau-header>
      <main id="main" tabindex="-1">${renderSignedIn({ route, me: this.me, meLoaded: this.meLoaded, apps: this.apps, language: this.language })}</main>
      <preau-toasts .language=${this.language}></preau-toasts>
      <preau-update-prompt .language=${this.language}></preau-update-prompt>
    `;
  }

  private skipToContent(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}
customElements.define('preau-app', PreauApp);

/** The sum over apps of what waits for each child. */
function unreadByChild(apps: readonly LauncherApp[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const app of apps) for (const [child, count] of Object.entries(app.badge?.byChild ?? {})) sums[child] = (sums[child] ?? 0) + count;
  return sums;
}

declare global {
  interface HTMLElementTagNameMap {
    'preau-app': PreauApp;
  }
}
