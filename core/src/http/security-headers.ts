import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/** The inline `<script>` and `<style>` elements of the shell's page, as CSP hash sources. */
export interface InlineSources {
  scripts: string[];
  styles: string[];
}

/** The CSP source that allows exactly this inline script or style element (its content, byte for byte). */
export function hashSource(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/**
 * Security headers on every response, the JSON ones included. The shell's page has two inline elements (the
 * import map, which browsers only read inline, and the design tokens' style); they are allowed by hash, known
 * once the shell is built, hence `inline()`. Style attributes stay allowed: the editor and the sanitized rich
 * text carry `text-align`, `color` and `font-size` in them, and a style attribute cannot run script (no selector,
 * no `expression()` in the browsers Préau supports), while `<style>` elements, which could read the page through
 * selectors, are held to the hashes. Routes that serve untrusted bytes (stored files) set their own stricter CSP.
 */
export const securityHeaders = fp(async (app: FastifyInstance, options: { https: boolean; inline: () => InlineSources }): Promise<void> => {
  const { https, inline } = options;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        scriptSrc: ["'self'", () => inline().scripts.join(' ')],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", () => inline().styles.join(' ')],
        styleSrcAttr: ["'unsafe-inline'"],
        // Texts may show pictures and sounds of other https sites (the editor inserts them by address); pictures
        // pasted into the editor are shown from memory (blob:, data:) until they are uploaded.
        imgSrc: ["'self'", 'https:', 'data:', 'blob:'],
        mediaSrc: ["'self'", 'https:', 'blob:'],
        // 'self' covers the same-origin ws: or wss: of /ws (CSP level 3).
        connectSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // This host only: a Préau at https://town.example/ent must not force HTTPS on the subdomains of town.example.
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    // Our own pages get the full referrer (and same-origin requests keep their Origin header, which
    // `no-referrer` would turn into "null"); links to other sites reveal nothing of the page they were on.
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}, { name: 'preau-security-headers' });
