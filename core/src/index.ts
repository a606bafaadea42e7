/**
 * `@preau/core`: the Préau server. Applications embed it through `createPlatform` or `startServer`;
 * plugins never import it (they use `@preau/sdk`).
 * @packageDocumentation
 */
export { createPlatform, CORE_MIGRATIONS } from './platform.js';
export type { Platform, PlatformOptions } from './platform.js';
export type { RouteEntry } from './http/route-table.js';
export { startServer } from './server.js';
export type { RunningServer } from './server.js';
export { loadConfig, parseConfig } from './config/load-config.js';
export type { PreauConfig } from './config/config-schema.js';
export { CORE_VERSION } from './version.js';
export * as errors from './errors.js';
export { readOndeFiles, runOndeImport } from './onde/onde-import.js';
export type { ReadOndeFiles, OndeImportResult, RunOndeImportOptions } from './onde/onde-import.js';
export type { ImportSummary } from './onde/plan-onde-import.js';
export { sanitizeRichText, richTextToPlainText } from './sanitize/sanitize-rich-text.js';
