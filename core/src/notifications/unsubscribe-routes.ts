import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { ErrorResponses, ErrorSchema } from '../http/common-schemas.js';
import { UnsubscribeLinkInvalid } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.js';
import { setDelivery } from './preferences.js';
import { findType } from './notification-types.js';
import { escapeHtml } from './render-notification.js';
import { preferencesLink } from './notification-deps.js';
import { hashSource } from '../http/security-headers.js';

const PAGE_STYLE =
  'body{font-family:system-ui,Arial,sans-serif;background:#f5f3ef;color:#1f2933;margin:0;padding:2rem 1rem}' +
  'main{max-width:34rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;line-height:1.5}a{color:#1f5f8b}' +
  'button{font:inherit;padding:.6rem 1.2rem;min-height:44px}';
// These pages stand alone (no shell, no script): a policy of their own allows nothing but their style and form.
const PAGE_POLICY = `default-src 'none'; style-src ${hashSource(PAGE_STYLE)}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} – Préau</title>` +
    `<style>${PAGE_STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/**
 * Unsubscribing from emails without signing in: the link in every notification email opens a confirmation page
 * (GET changes nothing: mail security scanners open every link of a message, and must not unsubscribe people),
 * whose button POSTs; mail clients POST directly (List-Unsubscribe-Post of RFC 8058). It only ever turns email
 * off for one type (or all), so the token in the link is enough; the result page offers to undo it.
 */
export async function unsubscribeRoutes(parent: FastifyInstance, center: NotificationCenter): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = center;
  const Query = Type.Object(
    { token: Type.String({ minLength: 1, maxLength: 300 }), undo: Type.Optional(Type.Literal('1')) },
    { additionalProperties: true },
  );

  const describe = (scope: UnsubscribeScope): string => {
    const all = scope.app === '*';
    const declared = all ? undefined : findType(deps.registry(), scope.app, scope.type);
    if (!all && !declared) throw UnsubscribeLinkInvalid();
    return all ? 'aucun courriel de Préau' : `« ${declared!.declaration.title?.fr ?? scope.type} » (${declared!.appTitle.fr})`;
  };
  const apply = async (scope: UnsubscribeScope, undo: boolean): Promise<string> => {
    const what = describe(scope);
    await setDelivery(deps.knex, scope.userId, scope.app, scope.type, undo ? null : 'never', deps.clock.now());
    return what;
  };
  const invalid = () =>
    page('Lien invalide', `<p>Ce lien de désinscription est invalide ou incomplet. Vous pouvez choisir vos notifications dans <a href="${escapeHtml(preferencesLink(deps))}">Mon compte</a>.</p>`);
  const done = (token: string, what: string) =>
    page(
      'Désinscription enregistrée',
      `<p>Vous ne recevrez plus par courriel : ${escapeHtml(what)}.</p><p>Ces notifications restent visibles dans votre fil d'actualité Préau.</p>` +
        `<p><a href="${escapeHtml(`?token=${encodeURIComponent(token)}&undo=1`)}">Annuler : continuer à les recevoir</a> · <a href="${escapeHtml(preferencesLink(deps))}">Gérer mes préférences</a></p>`,
    );

  app.get('/api/core/notifications/unsubscribe', {
    // The handler's own 400 is a page (a string, sent as is); a request the schemas or the platform's rules refuse
    // gets the coded JSON error, which a 400 of `Type.String()` alone would have serialized as "[object Object]".
    schema: { querystring: Query, response: { 200: Type.String(), 400: Type.Union([Type.String(), ErrorSchema]) } },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', PAGE_POLICY);
    const scope = readUnsubscribeToken(deps.unsubscribeKey, request.query.token);
    if (!scope) return reply.code(400).send(invalid());
    if (request.query.undo === '1') {
      const what = await apply(scope, true).catch(() => null);
      if (!what) return reply.code(400).send(invalid());
      return page('Courriels rétablis', `<p>Vous recevez de nouveau par courriel : ${escapeHtml(what)}, selon vos préférences.</p><p><a href="${escapeHtml(preferencesLink(deps))}">Gérer mes préférences de notification</a></p>`);
    }
    let what: string;
    try {
      what = describe(scope);
    } catch {
      return reply.code(400).send(invalid());
    }
    return page(
      'Se désinscrire ?',
      `<p>Ne plus recevoir par courriel : ${escapeHtml(what)} ?</p><p>Ces notifications resteront visibles dans votre fil d'actualité Préau.</p>` +
        `<form method="post" action="?token=${escapeHtml(encodeURIComponent(request.query.token))}"><input type="hidden" name="confirm" value="1">` +
        `<button type="submit">Me désinscrire</button></form>`,
    );
  });

  // Mail clients post `List-Unsubscribe=One-Click` as a form; what it says is in the token already.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) => done(null, null));
  app.post('/api/core/notifications/unsubscribe', {
    schema: { querystring: Query, response: { 200: Type.String(), 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const scope = readUnsubscribeToken(deps.unsubscribeKey, request.query.token);
    if (!scope) throw UnsubscribeLinkInvalid();
    const what = await apply(scope, false);
    // The confirmation page's button (a browser) gets a page back; a mail client's one-click POST, no content.
    if (String(request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', PAGE_POLICY).send(done(request.query.token, what));
    }
    return reply.code(204).send(null);
  });
}
