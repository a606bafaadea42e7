import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { ErrorResponses } from '../http/common-schemas.js';
import { UnsubscribeLinkInvalid } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.js';
import { setDelivery } from './preferences.js';
import { findType } from './notification-types.js';
import { escapeHtml } from './render-notification.js';
import { preferencesLink } from './notification-deps.js';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} – Préau</title>` +
    `<style>body{font-family:system-ui,Arial,sans-serif;background:#f5f3ef;color:#1f2933;margin:0;padding:2rem 1rem}` +
    `main{max-width:34rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;line-height:1.5}a{color:#1f5f8b}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/**
 * One-click unsubscribe from emails, without signing in: the link in every notification email (GET, from the
 * email's button) and the List-Unsubscribe-Post of RFC 8058 (POST, from the mail client). It only ever turns
 * email off for one type (or all), so the token in the link is enough; the page offers to undo it.
 */
export async function unsubscribeRoutes(parent: FastifyInstance, center: NotificationCenter): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = center;
  const Query = Type.Object(
    { token: Type.String({ minLength: 1, maxLength: 300 }), undo: Type.Optional(Type.Literal('1')) },
    { additionalProperties: true },
  );

  const apply = async (scope: UnsubscribeScope, undo: boolean): Promise<string> => {
    const all = scope.app === '*';
    const declared = all ? undefined : findType(deps.registry(), scope.app, scope.type);
    if (!all && !declared) throw UnsubscribeLinkInvalid();
    await setDelivery(deps.knex, scope.userId, scope.app, scope.type, undo ? null : 'never', deps.clock.now());
    return all ? 'aucun courriel de Préau' : `« ${declared!.declaration.title?.fr ?? scope.type} » (${declared!.appTitle.fr})`;
  };

  app.get('/api/core/notifications/unsubscribe', {
    schema: { querystring: Query, response: { 200: Type.String(), 400: Type.String() } },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const scope = readUnsubscribeToken(deps.unsubscribeKey, request.query.token);
    const what = scope && (await apply(scope, request.query.undo === '1').catch(() => null));
    if (!scope || !what) {
      return reply.code(400).send(page('Lien invalide', `<p>Ce lien de désinscription est invalide ou incomplet. Vous pouvez choisir vos notifications dans <a href="${escapeHtml(preferencesLink(deps))}">Mon compte</a>.</p>`));
    }
    const undoLink = `?token=${encodeURIComponent(request.query.token)}&undo=1`;
    if (request.query.undo === '1') {
      return page('Courriels rétablis', `<p>Vous recevez de nouveau par courriel : ${escapeHtml(what)}, selon vos préférences.</p><p><a href="${escapeHtml(preferencesLink(deps))}">Gérer mes préférences de notification</a></p>`);
    }
    return page(
      'Désinscription enregistrée',
      `<p>Vous ne recevrez plus par courriel : ${escapeHtml(what)}.</p><p>Ces notifications restent visibles dans votre fil d'actualité Préau.</p>` +
        `<p><a href="${escapeHtml(undoLink)}">Annuler : continuer à les recevoir</a> · <a href="${escapeHtml(preferencesLink(deps))}">Gérer mes préférences</a></p>`,
    );
  });

  // Mail clients post `List-Unsubscribe=One-Click` as a form; what it says is in the token already.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) => done(null, null));
  app.post('/api/core/notifications/unsubscribe', {
    schema: { querystring: Query, response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const scope = readUnsubscribeToken(deps.unsubscribeKey, request.query.token);
    if (!scope) throw UnsubscribeLinkInvalid();
    await apply(scope, false);
    return reply.code(204).send(null);
  });
}
