import { html, type TemplateResult } from 'lit';
import { localize } from '@preau/sdk/web';
import type { Route } from './routes.js';
import type { Me } from './api-types.js';
import type { LauncherApp } from './layout/preau-launcher.js';
import { text, type Language } from './i18n.js';
import './pages/preau-login-page.js';
import './pages/preau-setup-page.js';
import './pages/preau-activation-page.js';
import './pages/preau-password-forgotten-page.js';
import './pages/preau-login-forgotten-page.js';
import './pages/preau-password-reset-page.js';
import './pages/preau-email-confirm-page.js';
import './pages/preau-home-page.js';
import './pages/preau-account-page.js';
import './directory/preau-directory-page.js';
import './directory/preau-person-page.js';
import './admin/preau-admin-page.js';
import './admin/preau-school-page.js';
import './admin/preau-class-page.js';
import './layout/preau-app-frame.js';

// The token of an emailed link (password reset, email confirmation).
const linkToken = () => new URLSearchParams(location.search).get('token') ?? '';

/** The page shown to someone who is not signed in. */
export function renderSignedOut(route: Route, language: Language): TemplateResult {
  switch (route.page) {
    case 'activate':
      return html`<preau-activation-page .language=${language}></preau-activation-page>`;
    case 'password-forgotten':
      return html`<preau-password-forgotten-page .language=${language}></preau-password-forgotten-page>`;
    case 'login-forgotten':
      return html`<preau-login-forgotten-page .language=${language}></preau-login-forgotten-page>`;
    case 'password-reset':
      return html`<preau-password-reset-page .token=${linkToken()} .language=${language}></preau-password-reset-page>`;
    case 'email-confirm':
      return html`<preau-email-confirm-page .token=${linkToken()} .signedIn=${false} .language=${language}></preau-email-confirm-page>`;
    default:
      return html`<preau-login-page .language=${language}></preau-login-page>`;
  }
}

/** What the signed-in pages are drawn from. */
export interface SignedInView {
  route: Route;
  me: Me;
  /** False while `me` holds only what sign-in answered (no classes or children yet). */
  meLoaded: boolean;
  /** Null until read. */
  apps: LauncherApp[] | null;
  language: Language;
}

/** The content of `<main>` for a signed-in user. */
export function renderSignedIn({ route, me, meLoaded, apps, language }: SignedInView): TemplateResult {
  switch (route.page) {
    case 'app': {
      if (!apps) return html`<p>${text('loading', language)}</p>`;
      const app = apps.find((a) => a.name === route.app);
      // Switched off for the school (or never there): say so, rather than that the page does not exist.
      if (!app) return html`<h1>${text('appNotEnabledTitle', language)}</h1><p>${text('appNotEnabled', language)}</p><p><a href="/">${text('backHome', language)}</a></p>`;
      return html`<h1>${localize(app.title, language)}</h1>
        <preau-app-frame .app=${app} .path=${route.rest} .language=${language}></preau-app-frame>`;
    }
    case 'home':
      return html`<preau-home-page .me=${me} .meLoaded=${meLoaded} .apps=${apps} .language=${language}></preau-home-page>`;
    case 'account':
      return html`<preau-account-page .me=${me} .apps=${apps ?? []} .language=${language}></preau-account-page>`;
    case 'directory':
      return html`<preau-directory-page .user=${me.user} .language=${language}></preau-directory-page>`;
    case 'styleguide':
      // For plugin authors only: not in the initial bundle every parent downloads.
      void import('./design/preau-styleguide-page.js');
      return html`<preau-styleguide-page></preau-styleguide-page>`;
    case 'person':
      return html`<preau-person-page .userId=${route.userId} ?canWrite=${apps?.some((a) => a.name === 'messaging') ?? false} .language=${language}></preau-person-page>`;
    case 'admin':
      return html`<preau-admin-page .user=${me.user} .language=${language}></preau-admin-page>`;
    case 'school':
      return html`<preau-school-page .user=${me.user} .schoolId=${route.schoolId} .tab=${route.tab} .language=${language}></preau-school-page>`;
    case 'class':
      return html`<preau-class-page .user=${me.user} .schoolId=${route.schoolId} .classId=${route.classId} .language=${language}></preau-class-page>`;
    case 'password-reset':
      return html`<preau-password-reset-page .token=${linkToken()} .language=${language}></preau-password-reset-page>`;
    case 'email-confirm':
      return html`<preau-email-confirm-page .token=${linkToken()} .signedIn=${true} .language=${language}></preau-email-confirm-page>`;
    default:
      break;
  }
  return html`<h1>${text('notFound', language)}</h1><p><a href="/">${text('backHome', language)}</a></p>`;
}
